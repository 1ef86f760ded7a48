package io.motcrm.feedback.sla;

import java.time.Duration;

/**
 * The role of one step up the escalation chain of a breached case. The chain is the owning team's: at the
 * breach the case escalates to the team's supervisor (SUPERVISOR), each further {@code step} of overdue
 * business time one person further along the team's escalation list (MANAGER: anyone above the supervisor).
 * OWNER is only found on escalations recorded before teams existed.
 */
public enum EscalationLevel {
    NONE, OWNER, SUPERVISOR, MANAGER;

    /** How many steps up the chain a case should be: 1 at the breach, one more per step, at most {@code chainLength}. */
    public static int levelFor(boolean breached, Duration overdue, Duration step, int chainLength) {
        if (!breached || chainLength <= 0) {
            return 0;
        }
        long steps = step.isZero() || step.isNegative() ? Long.MAX_VALUE : overdue.toMillis() / step.toMillis();
        return (int) Math.min(chainLength, 1 + steps);
    }
}
