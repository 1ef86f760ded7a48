package io.motcrm.feedback.capture;

import java.time.Instant;
import java.util.UUID;

import io.motcrm.feedback.touchpoint.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Feedback as its author and staff see it; {@code caseId} is set when it opened a case. */
@RegisterForReflection
public record FeedbackView(UUID id, FeedbackType type, Integer csat, Integer nps, Integer ces, String text,
        String touchpointCode, Channel channel, Source source, Instant submittedAt, UUID caseId,
        Suggestion suggestion) {

    /** The public status of a suggestion and the company's response. */
    public record Suggestion(SuggestionStatus status, String response, Instant updatedAt) {
    }
}
