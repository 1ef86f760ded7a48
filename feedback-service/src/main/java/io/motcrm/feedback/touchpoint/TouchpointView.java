package io.motcrm.feedback.touchpoint;

import java.time.Instant;

public record TouchpointView(String code, String name, Channel channel, JourneyStage stage, String team,
        boolean active, Instant createdAt, Instant updatedAt) {
}
