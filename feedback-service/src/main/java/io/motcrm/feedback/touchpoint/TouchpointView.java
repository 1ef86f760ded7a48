package io.motcrm.feedback.touchpoint;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record TouchpointView(
        @Schema(required = true) String code,
        @Schema(required = true) String name,
        @Schema(required = true) Channel channel,
        @Schema(required = true) JourneyStage stage,
        @Schema(required = true) String team,
        @Schema(required = true) boolean active,
        @Schema(required = true, description = "The version of the touchpoint's public links; links of an earlier "
                + "version were revoked by a rotation") int publicLinkVersion,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
