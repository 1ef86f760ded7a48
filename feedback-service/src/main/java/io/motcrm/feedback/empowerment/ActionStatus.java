package io.motcrm.feedback.empowerment;

public enum ActionStatus {
    /** Taken effect (for points: the grant is queued to loyalty-service). */
    APPLIED,
    /** Above the requester's authority: waits for a supervisor. */
    PENDING_APPROVAL,
    REJECTED
}
