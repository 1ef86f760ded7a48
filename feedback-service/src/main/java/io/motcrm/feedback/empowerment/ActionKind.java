package io.motcrm.feedback.empowerment;

/** What the front line can do for a customer on a case. */
public enum ActionKind {
    APOLOGY, REFUND_NOTE, COMPENSATION_POINTS, CALL_BACK
}
