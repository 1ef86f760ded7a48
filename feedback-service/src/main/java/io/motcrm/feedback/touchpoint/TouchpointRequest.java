package io.motcrm.feedback.touchpoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A touchpoint as an admin creates or replaces it; {@code active} defaults to true. */
public record TouchpointRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull Channel channel,
        @NotNull JourneyStage stage,
        @NotBlank @Size(max = 100) String team,
        Boolean active) {
}
