package io.motcrm.feedback.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.motcrm.feedback.empowerment.ActionView;
import io.motcrm.feedback.sla.CaseEscalation;

/** What crosses the wire about a case: staff see everything, the customer only what is meant for them. */
public final class CaseViews {

    private CaseViews() {
    }

    public record Sla(long firstResponseTargetSeconds, long resolutionTargetSeconds, long elapsedSeconds,
            boolean paused, Instant firstResponseDueAt, Instant resolutionDueAt, boolean firstResponseBreached,
            boolean resolutionBreached, int escalationLevel) {
    }

    public record Recovery(Instant requestedAt, Integer csat, Instant ratedAt) {
    }

    public record StaffCase(UUID id, UUID feedbackId, String touchpointCode, String team, UUID customerId,
            CaseStatus status, Priority priority, Severity severity, boolean detractor, boolean valuePending,
            String ownerName, Instant openedAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
            String rootCause, int reopenCount, Sla sla, List<CaseEscalation.View> escalations,
            List<CaseNote.View> notes, List<ActionView> actions, Recovery recovery) {
    }

    public record CustomerCase(UUID id, UUID feedbackId, String touchpointCode, CaseStatus status, String ownerName,
            Instant openedAt, Instant resolvedAt, List<CaseNote.View> notes, boolean recoverySurveyOpen,
            Integer recoveryCsat) {
    }

    /** A case in lists. */
    public record Summary(UUID id, String touchpointCode, String team, CaseStatus status, Priority priority,
            String ownerName, Instant openedAt, boolean breached, int escalationLevel) {
    }

    /** The answer to a resolution: the recovery survey link to send to the customer, when there is one. */
    public record Resolved(StaffCase item, String recoverySurveyUrl) {
    }
}
