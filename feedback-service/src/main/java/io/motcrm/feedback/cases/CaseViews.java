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
    public record Sla(
            @Schema(required = true) long firstResponseTargetSeconds,
            @Schema(required = true) long resolutionTargetSeconds,
            @Schema(required = true) long elapsedSeconds,
            @Schema(required = true) boolean paused,
            Instant firstResponseDueAt,
            Instant resolutionDueAt,
            @Schema(required = true) boolean firstResponseBreached,
            @Schema(required = true) boolean resolutionBreached,
            @Schema(required = true) int escalationLevel) {
    }

    @Schema(name = "CaseRecovery", description = "The recovery survey: when it was sent, and the customer's rating (CSAT 1-5)")
    public record Recovery(Instant requestedAt, Integer csat, Instant ratedAt) {
    }

    /**
     * Everything about a case, for staff. {@code recoverySurveyUrl} is only in the answer to the move to
     * RESOLVED: the link to send to the customer, shown once (only its hash is kept).
     */
    @Schema(name = "StaffCase", description = "Everything about a case, for staff")
    public record StaffCase(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID feedbackId,
            @Schema(required = true) String touchpointCode,
            @Schema(required = true) String team,
            UUID customerId,
            @Schema(required = true) CaseStatus status,
            @Schema(required = true) Priority priority,
            @Schema(required = true) Severity severity,
            @Schema(required = true) boolean detractor,
            @Schema(required = true) boolean valuePending,
            @Schema(description = "The owner's login; null while the case waits in its team's queue") String ownerName,
            @Schema(description = "The owner's name as the staff directory has it") String ownerDisplayName,
            @Schema(required = true, description = "True while nobody owns the case: it waits in its team's queue, "
                    + "where a member may take it (PUT .../owner with their own login)") boolean unassigned,
            @Schema(required = true) Instant openedAt,
            Instant firstResponseAt,
            Instant resolvedAt,
            Instant closedAt,
            String rootCause,
            @Schema(required = true) int reopenCount,
            @Schema(required = true) Sla sla,
            @Schema(required = true) List<CaseEscalation.View> escalations,
            @Schema(required = true) List<CaseNote.View> notes,
            @Schema(required = true) List<ActionView> actions,
            @Schema(required = true) Recovery recovery,
            @Schema(description = "Only in the answer to the move to RESOLVED: the recovery survey link to send to "
                    + "the customer; it is never shown again") String recoverySurveyUrl) implements CaseView {
    }

    @Schema(name = "CustomerCase", description = "The customer-visible part of a case, for its customer")
    public record CustomerCase(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID feedbackId,
            @Schema(required = true) String touchpointCode,
            @Schema(required = true) CaseStatus status,
            @Schema(description = "The display name of the person handling the case (never their login); null while "
                    + "nobody has taken it yet") String ownerName,
            @Schema(required = true) Instant openedAt,
            Instant resolvedAt,
            @Schema(required = true) List<CaseNote.View> notes,
            @Schema(required = true) boolean recoverySurveyOpen,
            Integer recoveryCsat) implements CaseView {
    }

    /** A case in lists. */
    @Schema(name = "CaseSummary", description = "A case in lists; `breached` when either SLA target was missed")
    public record Summary(
            @Schema(required = true) UUID id,
            @Schema(required = true) String touchpointCode,
            @Schema(required = true) String team,
            @Schema(required = true) CaseStatus status,
            @Schema(required = true) Priority priority,
            @Schema(description = "The owner's login; null while the case waits in its team's queue") String ownerName,
            @Schema(required = true) Instant openedAt,
            @Schema(required = true) boolean breached,
            @Schema(required = true) int escalationLevel) {
    }
}
