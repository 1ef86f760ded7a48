package io.motcrm.feedback.stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;

@Path("/api/v1/mot/stream")
@Tag(name = "MOT live stream")
public class StreamResource {

    @Inject
    MotStream stream;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Server-sent events: FEEDBACK_RECEIVED, CASE_OPENED, CASE_UPDATED, SLA_BREACHED, CASE_ESCALATED; "
            + "optionally of one team. Reconnect with Last-Event-ID to resume; without it the stream starts with new events")
    public void stream(@HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("team") String team,
            @Context SseEventSink sink, @Context Sse sse) {
        long after;
        if (lastEventId == null || lastEventId.isBlank()) {
            after = stream.latestId();
        } else {
            try {
                after = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw new ProblemException(CommonProblem.INVALID_PARAMETER, "Last-Event-ID must be an event id from this stream");
            }
        }
        stream.subscribe(sink, sse, after, team == null || team.isBlank() ? null : team);
    }
}
