package io.motcrm.feedback.cases;

import io.motcrm.feedback.capture.FeedbackType;

/**
 * How urgent a case is. Severity: a complaint with the worst scores (CSAT 1 or NPS 0-2) is high, any
 * other complaint or a detractor with the worst scores is medium, the rest low. Points: severity
 * (low 0, medium 1, high 2) + 1 for a detractor + 1 for a high-value customer; 3 or more is P1, 2 is P2,
 * less is P3.
 */
public final class PriorityPolicy {

    private PriorityPolicy() {
    }

    public static Severity severity(FeedbackType type, Integer csat, Integer nps) {
        boolean worst = (csat != null && csat == 1) || (nps != null && nps <= 2);
        if (type == FeedbackType.COMPLAINT) {
            return worst ? Severity.HIGH : Severity.MEDIUM;
        }
        return worst ? Severity.MEDIUM : Severity.LOW;
    }

    public static Priority priority(Severity severity, boolean detractor, boolean highValue) {
        int points = severity.ordinal() + (detractor ? 1 : 0) + (highValue ? 1 : 0);
        if (points >= 3) {
            return Priority.P1;
        }
        return points == 2 ? Priority.P2 : Priority.P3;
    }
}
