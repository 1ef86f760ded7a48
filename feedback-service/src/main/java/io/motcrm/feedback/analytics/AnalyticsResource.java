package io.motcrm.feedback.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;

@Path("/api/v1/mot/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff")
public class AnalyticsResource {

    static final Duration LONGEST_PERIOD = Duration.ofDays(731);

    @Inject
    MotAnalytics analytics;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "getMotReport", summary = "MOT figures of a period per touchpoint, channel, stage or team, "
            + "worst moments first",
            description = "Volume, CSAT, NPS, complaint rate, SLA compliance, median first response and resolution, "
                    + "reopen rate, recovery CSAT and word-of-mouth exposure. from and to are ISO-8601 instants (to "
                    + "exclusive; default: the last 90 days).")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "`invalid-period`: from or to is not an ISO-8601 instant, from is "
            + "not before to, or the period is longer than two years; `invalid-parameter`: groupBy is not touchpoint, "
            + "channel, stage or team")
    public MotReport report(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") @DefaultValue("touchpoint") String groupBy) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(90)) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new ProblemException(FeedbackProblem.INVALID_PERIOD, "'from' must be before 'to'");
        }
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw new ProblemException(FeedbackProblem.INVALID_PERIOD, "A period may span at most two years");
        }
        GroupBy dimension;
        try {
            dimension = GroupBy.fromString(groupBy);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(io.motcrm.platform.problem.CommonProblem.INVALID_PARAMETER,
                    "groupBy must be touchpoint, channel, stage or team");
        }
        return analytics.report(start, end, dimension);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(FeedbackProblem.INVALID_PERIOD, "'" + name + "' must be an ISO-8601 instant, e.g. 2026-01-01T00:00:00Z");
        }
    }
}
