package io.motcrm.feedback.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * new → acknowledged → in progress ⇄ waiting on customer → resolved → closed; a resolved or closed case
 * is reopened (back to in progress) within the reopen window.
 */
public enum CaseStatus {
    NEW, ACKNOWLEDGED, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED;

    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ACKNOWLEDGED);
            case ACKNOWLEDGED -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED);
            case WAITING_ON_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
            case CLOSED -> EnumSet.of(IN_PROGRESS);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
