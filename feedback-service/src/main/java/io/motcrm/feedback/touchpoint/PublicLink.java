package io.motcrm.feedback.touchpoint;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a touchpoint's public feedback form is reached by: a signed token and the link carrying it. */
@Schema(name = "TouchpointPublicLink")
public record PublicLink(
        @Schema(required = true) String touchpointCode,
        @Schema(required = true) String token,
        @Schema(required = true) String url) {
}
