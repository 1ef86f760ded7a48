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
public record FeedbackView(UUID id, FeedbackType type, Integer csat, Integer nps, Integer ces, String text,
        String touchpointCode, Channel channel, Source source, Instant submittedAt, UUID caseId,
        Suggestion suggestion) {

    /** The public status of a suggestion and the company's response. */
    @Schema(name = "SuggestionAnswer")
    public record Suggestion(SuggestionStatus status, String response, Instant updatedAt) {
    }
}
