package io.motcrm.feedback.team;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What crosses the wire about the staff directory and teams. */
public final class TeamViews {

    private TeamViews() {
    }

    @Schema(name = "StaffMember", description = "A person who works cases; `login` is their sign-in name (the token's "
            + "preferred_username)")
    public record Staff(
            @Schema(required = true) String login,
            @Schema(required = true) String displayName,
            @Schema(required = true, enumeration = { "agent", "supervisor", "admin" }) String role,
            @Schema(required = true) boolean active) {
    }

    @Schema(name = "StaffMemberRequest", description = "A person of the staff directory as an admin writes it (PUT replaces; "
            + "`active` omitted means true)")
    public record StaffRequest(
            @NotBlank @Size(max = 200) String displayName,
            @NotNull @Pattern(regexp = "agent|supervisor|admin", message = "must be agent, supervisor or admin")
            @Schema(enumeration = { "agent", "supervisor", "admin" }) String role,
            Boolean active) {
    }

    @Schema(name = "Team", description = "A team owning touchpoints: members work its cases, breaches escalate to the "
            + "supervisor, then along `escalation`")
    public record TeamView(
            @Schema(required = true) String code,
            @Schema(required = true) String name,
            @Schema(description = "Login of the team's supervisor, the first escalation") String supervisor,
            @Schema(required = true) List<String> members,
            @Schema(required = true, description = "Logins above the supervisor, in escalation order") List<String> escalation,
            @Schema(description = "The team's own first-response target (ISO-8601), in place of the priority's",
                    example = "PT30M") String firstResponseTarget,
            @Schema(description = "The team's own resolution target (ISO-8601), in place of the priority's",
                    example = "PT8H") String resolutionTarget) {
    }

    @Schema(name = "TeamRequest", description = "A team as an admin writes it: PUT replaces the whole team (members and "
            + "escalation as listed; omitted lists are empty, omitted targets mean the priority's targets). Every login "
            + "must be in the staff directory.")
    public record TeamRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String supervisor,
            @Size(max = 200) List<@NotBlank @Size(max = 200) String> members,
            @Size(max = 10) List<@NotBlank @Size(max = 200) String> escalation,
            @Schema(description = "ISO-8601 duration above zero, e.g. PT30M", example = "PT30M") @Size(max = 40) String firstResponseTarget,
            @Schema(description = "ISO-8601 duration above zero, e.g. PT8H", example = "PT8H") @Size(max = 40) String resolutionTarget) {
    }

    @Schema(name = "SlaCheckResult", description = "What one run of the SLA check recorded")
    public record SlaCheck(@Schema(required = true, description = "Breaches and escalations recorded") int changes) {
    }

}
