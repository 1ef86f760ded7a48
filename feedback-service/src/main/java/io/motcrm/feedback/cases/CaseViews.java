package io.motcrm.feedback.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.motcrm.feedback.empowerment.ActionView;
import io.motcrm.feedback.sla.CaseEscalation;

/** What crosses the wire about a case: staff see everything, the customer only what is meant for them. */
public final class CaseViews {

    private CaseViews() {
    }

    /** A case as its reader may see it: {@link StaffCase} for staff, {@link CustomerCase} for the case's customer. */
    @Schema(name = "CaseView", description = "A case: the staff view for staff, the customer-visible part for its customer",
            oneOf = { StaffCase.class, CustomerCase.class })
    public sealed interface CaseView permits StaffCase, CustomerCase {
    }

    @Schema(name = "CaseSla", description = "The case's SLA clock, in business seconds")
    public record Sla(long firstResponseTargetSeconds, long resolutionTargetSeconds, long elapsedSeconds,
            boolean paused, Instant firstResponseDueAt, Instant resolutionDueAt, boolean firstResponseBreached,
            boolean resolutionBreached, int escalationLevel) {
    }

    @Schema(name = "CaseRecovery", description = "The recovery survey: when it was sent, and the customer's rating (CSAT 1-5)")
    public record Recovery(Instant requestedAt, Integer csat, Instant ratedAt) {
    }

    /**
     * Everything about a case, for staff. {@code recoverySurveyUrl} is only in the answer to the move to
     * RESOLVED: the link to send to the customer, shown once (only its hash is kept).
     */
    @Schema(name = "StaffCase", description = "Everything about a case, for staff")
    public record StaffCase(UUID id, UUID feedbackId, String touchpointCode, String team, UUID customerId,
            CaseStatus status, Priority priority, Severity severity, boolean detractor, boolean valuePending,
            String ownerName, Instant openedAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
            String rootCause, int reopenCount, Sla sla, List<CaseEscalation.View> escalations,
            List<CaseNote.View> notes, List<ActionView> actions, Recovery recovery,
            @Schema(description = "Only in the answer to the move to RESOLVED: the recovery survey link to send to "
                    + "the customer; it is never shown again") String recoverySurveyUrl) implements CaseView {
    }

    @Schema(name = "CustomerCase", description = "The customer-visible part of a case, for its customer")
    public record CustomerCase(UUID id, UUID feedbackId, String touchpointCode, CaseStatus status, String ownerName,
            Instant openedAt, Instant resolvedAt, List<CaseNote.View> notes, boolean recoverySurveyOpen,
            Integer recoveryCsat) implements CaseView {
    }

    /** A case in lists. */
    @Schema(name = "CaseSummary", description = "A case in lists; `breached` when either SLA target was missed")
    public record Summary(UUID id, String touchpointCode, String team, CaseStatus status, Priority priority,
            String ownerName, Instant openedAt, boolean breached, int escalationLevel) {
    }
}
