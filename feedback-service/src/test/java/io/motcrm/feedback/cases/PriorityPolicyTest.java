package io.motcrm.feedback.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.motcrm.feedback.capture.FeedbackType;

class PriorityPolicyTest {

    @Test
    void severityRisesWithAComplaintAndTheWorstScores() {
        assertThat(PriorityPolicy.severity(FeedbackType.COMPLAINT, 1, null)).isEqualTo(Severity.HIGH);
        assertThat(PriorityPolicy.severity(FeedbackType.COMPLAINT, null, 2)).isEqualTo(Severity.HIGH);
        assertThat(PriorityPolicy.severity(FeedbackType.COMPLAINT, 3, 5)).isEqualTo(Severity.MEDIUM);
        assertThat(PriorityPolicy.severity(FeedbackType.COMPLAINT, null, null)).isEqualTo(Severity.MEDIUM);
        assertThat(PriorityPolicy.severity(FeedbackType.RATING, null, 0)).isEqualTo(Severity.MEDIUM);
        assertThat(PriorityPolicy.severity(FeedbackType.RATING, 2, 6)).isEqualTo(Severity.LOW);
    }

    @Test
    void highValueCustomersAndDetractorsComeFirst() {
        assertThat(PriorityPolicy.priority(Severity.HIGH, true, false)).isEqualTo(Priority.P1);
        assertThat(PriorityPolicy.priority(Severity.MEDIUM, true, true)).isEqualTo(Priority.P1);
        assertThat(PriorityPolicy.priority(Severity.MEDIUM, false, true)).isEqualTo(Priority.P2);
        assertThat(PriorityPolicy.priority(Severity.MEDIUM, true, false)).isEqualTo(Priority.P2);
        assertThat(PriorityPolicy.priority(Severity.MEDIUM, false, false)).isEqualTo(Priority.P3);
        assertThat(PriorityPolicy.priority(Severity.LOW, true, false)).isEqualTo(Priority.P3);
        assertThat(PriorityPolicy.priority(Severity.LOW, true, true)).isEqualTo(Priority.P2);
    }

    @Test
    void statesMoveOnlyAlongTheLifecycle() {
        assertThat(CaseStatus.NEW.canMoveTo(CaseStatus.ACKNOWLEDGED)).isTrue();
        assertThat(CaseStatus.NEW.canMoveTo(CaseStatus.RESOLVED)).isFalse();
        assertThat(CaseStatus.IN_PROGRESS.canMoveTo(CaseStatus.WAITING_ON_CUSTOMER)).isTrue();
        assertThat(CaseStatus.WAITING_ON_CUSTOMER.canMoveTo(CaseStatus.IN_PROGRESS)).isTrue();
        assertThat(CaseStatus.RESOLVED.canMoveTo(CaseStatus.CLOSED)).isTrue();
        assertThat(CaseStatus.CLOSED.canMoveTo(CaseStatus.RESOLVED)).isFalse();
    }
}
