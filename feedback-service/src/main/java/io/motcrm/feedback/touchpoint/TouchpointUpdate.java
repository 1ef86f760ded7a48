package io.motcrm.feedback.touchpoint;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change to a touchpoint: every field is optional and an omitted (or null) field keeps its current value.
 * The code comes from the path; the body may repeat it, but not change it.
 */
@Schema(name = "TouchpointUpdate", description = "A change to a touchpoint: an omitted or null field keeps its current "
        + "value (so a retired touchpoint stays retired unless `active` is true); `code` may be left out, it is the path's")
public record TouchpointUpdate(
        @Schema(description = "Optional; if present it must be the path's code") @Size(max = 64) String code,
        @Size(max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String name,
        Channel channel,
        JourneyStage stage,
        @Schema(description = "The owning team's code (see putTeam): its members are given the touchpoint's cases")
        @Size(max = 100) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String team,
        @Schema(description = "true reactivates a retired touchpoint, false retires it; omitted keeps it as it is") Boolean active) {
}
