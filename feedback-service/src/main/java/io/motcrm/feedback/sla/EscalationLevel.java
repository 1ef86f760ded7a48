package io.motcrm.feedback.sla;

import java.time.Duration;

/**
 * The escalation chain of a breached case: at the breach the owner is alerted, each further
 * {@code step} of overdue business time goes one level up, to the team supervisor and then the manager.
 */
public enum EscalationLevel {
    NONE, OWNER, SUPERVISOR, MANAGER;

    public static EscalationLevel forOverdue(boolean breached, Duration overdue, Duration step) {
        if (!breached) {
            return NONE;
        }
        long steps = step.isZero() || step.isNegative() ? Long.MAX_VALUE : overdue.toMillis() / step.toMillis();
        long level = Math.min(MANAGER.ordinal(), 1 + steps);
        return values()[(int) level];
    }
}
