package io.motcrm.feedback.capture;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.motcrm.feedback.touchpoint.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Feedback as its author and staff see it; {@code caseId} is set when it opened a case. */
@RegisterForReflection
@Schema(name = "Feedback", description = "Feedback as its author and staff see it; `caseId` is set when it opened a case, "
        + "`suggestion` for suggestions only")
public record FeedbackView(
        @Schema(required = true) UUID id,
        @Schema(required = true) FeedbackType type,
        Integer csat,
        Integer nps,
        Integer ces,
        String text,
        @Schema(required = true) String touchpointCode,
        @Schema(required = true) Channel channel,
        @Schema(required = true) Source source,
        @Schema(required = true) Instant submittedAt,
        UUID caseId,
        Suggestion suggestion) {

    /** The public status of a suggestion and the company's response. */
    @Schema(name = "SuggestionAnswer")
    public record Suggestion(
            @Schema(required = true) SuggestionStatus status,
            String response,
            @Schema(required = true) Instant updatedAt) {
    }
}
