package io.motcrm.feedback.team;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.feedback.sla.SlaMonitor;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;

/**
 * The staff directory and the teams that own touchpoints (under the gateway's {@code /api/v1/mot} prefix):
 * admins write them with PUT (a retried write changes nothing), staff read them.
 */
@Path("/api/v1/mot")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    @Inject
    Clock clock;

    @Inject
    SlaMonitor monitor;

    @GET
    @Path("/staff")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "listStaff", summary = "The staff directory, by login")
    public List<TeamViews.Staff> staff() {
        return StaffMember.all().stream().map(StaffMember::view).toList();
    }

    @PUT
    @Path("/staff/{login}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Tag(name = "Operator")
    @Operation(operationId = "putStaffMember", summary = "Add or replace a person of the staff directory",
            description = "`login` is the person's sign-in name (the token's preferred_username). PUT replaces: an "
                    + "omitted `active` means true. An inactive person is given no new cases and cannot be made an owner.")
    @APIResponse(responseCode = "200", description = "The person as stored")
    @APIResponse(responseCode = "400", description = "`validation-failed`: a field is missing or not valid")
    public TeamViews.Staff putStaff(@PathParam("login") @Size(max = 200) String login,
            @Valid @NotNull TeamViews.StaffRequest request) {
        StaffMember member = StaffMember.<StaffMember>findByIdOptional(login).orElseGet(() -> {
            StaffMember created = new StaffMember();
            created.login = login;
            return created;
        });
        member.displayName = request.displayName().strip();
        member.role = request.role();
        member.active = request.active() == null || request.active();
        member.updatedAt = clock.instant();
        member.persist();
        return member.view();
    }

    @GET
    @Path("/teams")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "listTeams", summary = "The teams, by code")
    public List<TeamViews.TeamView> teams() {
        return Team.<Team>list("order by code").stream().map(Team::view).toList();
    }

    @GET
    @Path("/teams/{code}")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getTeam", summary = "One team")
    @APIResponse(responseCode = "200", description = "The team")
    @APIResponse(responseCode = "404", description = "`team-not-found`: no team has this code")
    public TeamViews.TeamView team(@PathParam("code") String code) {
        return Team.find(code).map(Team::view).orElseThrow(() -> new ProblemException(FeedbackProblem.TEAM_NOT_FOUND,
                "No team has the code " + code));
    }

    @PUT
    @Path("/teams/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Tag(name = "Operator")
    @Operation(operationId = "putTeam", summary = "Add or replace a team: members, supervisor, escalation chain, SLA targets",
            description = "The code is the one touchpoints name as their owning `team`. PUT replaces the whole team: "
                    + "omitted lists are empty, omitted targets mean the priority's targets. New cases of the team's "
                    + "touchpoints go to an active agent among the members (any active member if none is an agent; "
                    + "the supervisor if nobody is a member; the team's queue, unowned, if there is no supervisor either), "
                    + "chosen as `motcrm.feedback.assignment` says. A breach escalates to the supervisor, each further "
                    + "`motcrm.feedback.sla.escalation-step` of overdue time one step along `escalation`.")
    @APIResponse(responseCode = "200", description = "The team as stored")
    @APIResponse(responseCode = "400", description = "`validation-failed`: a field is missing or not valid; "
            + "`invalid-field`: a target is not an ISO-8601 duration above zero")
    @APIResponse(responseCode = "422", description = "`unknown-staff`: a login is not in the staff directory (listed in `unknown`)")
    public TeamViews.TeamView putTeam(@PathParam("code") @Size(max = 100) String code, @Valid @NotNull TeamViews.TeamRequest request) {
        List<String> members = request.members() == null ? List.of() : request.members().stream().map(String::strip).toList();
        List<String> escalation = request.escalation() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(request.escalation().stream().map(String::strip).toList()));
        String supervisor = request.supervisor() == null || request.supervisor().isBlank() ? null : request.supervisor().strip();
        Set<String> named = new TreeSet<>(members);
        named.addAll(escalation);
        if (supervisor != null) {
            named.add(supervisor);
        }
        Set<String> unknown = new TreeSet<>(named);
        StaffMember.<StaffMember>list("login in ?1", named.isEmpty() ? List.of("") : named).forEach(m -> unknown.remove(m.login));
        if (!unknown.isEmpty()) {
            throw new ProblemException(FeedbackProblem.UNKNOWN_STAFF, "Add " + String.join(", ", unknown)
                    + " to the staff directory first (PUT /api/v1/mot/staff/{login})").with("unknown", List.copyOf(unknown));
        }
        Team team = Team.<Team>findByIdOptional(code).orElseGet(() -> {
            Team created = new Team();
            created.code = code;
            return created;
        });
        team.name = request.name().strip();
        team.supervisor = supervisor;
        team.members.clear();
        team.members.addAll(members);
        team.escalation.clear();
        team.escalation.addAll(escalation);
        team.firstResponseTargetSeconds = seconds("firstResponseTarget", request.firstResponseTarget());
        team.resolutionTargetSeconds = seconds("resolutionTarget", request.resolutionTarget());
        team.updatedAt = clock.instant();
        team.persist();
        return team.view();
    }

    @POST
    @Path("/sla/checks")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Tag(name = "Operator")
    @Operation(operationId = "checkSlasNow", summary = "Run the SLA check now instead of waiting for its schedule",
            description = "The same check that runs every `motcrm.feedback.sla.check-every`: records breaches and "
                    + "escalations that are due. Running it again records nothing new until more become due.")
    @APIResponse(responseCode = "200", description = "How many breaches and escalations were recorded")
    public TeamViews.SlaCheck checkSlas() {
        return new TeamViews.SlaCheck(monitor.check());
    }

    private static Long seconds(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text.strip());
            if (duration.isNegative() || duration.isZero() || duration.toSeconds() == 0) {
                throw new DateTimeParseException("not above zero", text, 0);
            }
            return duration.toSeconds();
        } catch (DateTimeParseException e) {
            throw new ProblemException(CommonProblem.INVALID_FIELD, field + " must be an ISO-8601 duration of at least "
                    + "one second, e.g. PT30M").with("field", field);
        }
    }
}
