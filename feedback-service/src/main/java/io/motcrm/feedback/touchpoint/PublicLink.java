package io.motcrm.feedback.touchpoint;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a touchpoint's public feedback form is reached by: a signed token and the link carrying it. */
@RegisterForReflection
@Schema(name = "TouchpointPublicLink", description = "A signed link to the touchpoint's feedback form: it works until "
        + "`expiresAt`, and until the touchpoint's links are rotated past `version`")
public record PublicLink(
        @Schema(required = true) String touchpointCode,
        @Schema(required = true) String token,
        @Schema(required = true) String url,
        @Schema(required = true, description = "The touchpoint's link version the link was issued with") int version,
        @Schema(required = true) Instant expiresAt) {
}
