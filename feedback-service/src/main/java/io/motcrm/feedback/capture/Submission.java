package io.motcrm.feedback.capture;

import java.util.UUID;

import io.motcrm.feedback.touchpoint.Channel;

/** Feedback to record, with who it is from and who entered it, whatever the route it came by. */
public record Submission(FeedbackType type, String touchpointCode, Channel channel, Integer csat, Integer nps,
        Integer ces, String text, UUID customerId, Source source, String submittedBy) {
}
