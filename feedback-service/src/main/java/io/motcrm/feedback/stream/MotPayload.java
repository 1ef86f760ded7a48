package io.motcrm.feedback.stream;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.motcrm.feedback.capture.FeedbackType;
import io.motcrm.feedback.cases.CaseStatus;
import io.motcrm.feedback.cases.Priority;
import io.motcrm.feedback.sla.EscalationLevel;
import io.motcrm.feedback.touchpoint.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The data of a live-stream event, one record per event name (see {@link MotEvent.Kind}): ids, codes and
 * scores only, never a customer's text. These are the only payloads {@link MotEvents} records, so the
 * stream's documented schemas are what it sends.
 */
public sealed interface MotPayload {

    /** {@code FEEDBACK_RECEIVED}: feedback was submitted, by any route. */
    @RegisterForReflection
    @Schema(name = "FeedbackReceivedEvent", description = "Data of the `FEEDBACK_RECEIVED` event")
    record FeedbackReceived(
            @Schema(required = true) UUID feedbackId,
            @Schema(required = true) FeedbackType type,
            @Schema(required = true) String touchpointCode,
            @Schema(required = true) Channel channel,
            Integer csat,
            Integer nps,
            Integer ces) implements MotPayload {
    }

    /** {@code CASE_OPENED} and {@code CASE_UPDATED}: a case was opened, or its status, priority or owner changed. */
    @RegisterForReflection
    @Schema(name = "CaseChangedEvent", description = "Data of the `CASE_OPENED` and `CASE_UPDATED` events: the case as it is now")
    record CaseChanged(
            @Schema(required = true) UUID caseId,
            @Schema(required = true) CaseStatus status,
            @Schema(required = true) Priority priority,
            @Schema(required = true) String team,
            @Schema(description = "The owner's login; null while the case waits in its team's queue") String owner,
            @Schema(required = true) String touchpointCode) implements MotPayload {
    }

    /** {@code SLA_BREACHED}: a running case passed its first-response or resolution target. */
    @RegisterForReflection
    @Schema(name = "SlaBreachedEvent", description = "Data of the `SLA_BREACHED` event")
    record SlaBreached(
            @Schema(required = true) UUID caseId,
            @Schema(required = true, enumeration = { "FIRST_RESPONSE", "RESOLUTION" }) String target,
            @Schema(required = true) Priority priority,
            @Schema(required = true) String team,
            @Schema(description = "The owner's login; null while the case waits in its team's queue") String owner) implements MotPayload {
    }

    /** {@code CASE_ESCALATED}: a breached case went one level up the escalation chain. */
    @RegisterForReflection
    @Schema(name = "CaseEscalatedEvent", description = "Data of the `CASE_ESCALATED` event")
    record CaseEscalated(
            @Schema(required = true) UUID caseId,
            @Schema(required = true) EscalationLevel level,
            @Schema(required = true) String escalatedTo,
            @Schema(required = true, enumeration = { "FIRST_RESPONSE", "RESOLUTION" },
                    description = "Which target's breach was escalated") String reason,
            @Schema(required = true) String team) implements MotPayload {
    }
}
