package io.motcrm.feedback.touchpoint;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record TouchpointView(String code, String name, Channel channel, JourneyStage stage, String team,
        boolean active, Instant createdAt, Instant updatedAt) {
}
