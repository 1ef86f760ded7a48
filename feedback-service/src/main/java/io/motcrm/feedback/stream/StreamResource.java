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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;

@Path("/api/v1/mot/stream")
@Tag(name = "Staff")
public class StreamResource {

    /** Each event name (the SSE {@code event:} field) and the schema of its {@code data:}. */
    static final String EVENTS = """
            {"FEEDBACK_RECEIVED": {"$ref": "#/components/schemas/FeedbackReceivedEvent"},
             "CASE_OPENED": {"$ref": "#/components/schemas/CaseChangedEvent"},
             "CASE_UPDATED": {"$ref": "#/components/schemas/CaseChangedEvent"},
             "SLA_BREACHED": {"$ref": "#/components/schemas/SlaBreachedEvent"},
             "CASE_ESCALATED": {"$ref": "#/components/schemas/CaseEscalatedEvent"}}""";

    @Inject
    MotStream stream;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "streamMotEvents", summary = "Live feedback and case events (server-sent events), optionally "
            + "of one team",
            description = "Without Last-Event-ID the stream starts with the events after the connection; reconnect with "
                    + "the id of the last event received to get everything after it. A comment line (`: keep-alive`) "
                    + "comes after 15 seconds without events.")
    @APIResponse(responseCode = "200", description = """
            A stream of events, each with `id:` (resume from it with Last-Event-ID), `event:` (its name) and `data:` \
            (one JSON object):
            - `event: FEEDBACK_RECEIVED` → FeedbackReceivedEvent
            - `event: CASE_OPENED` → CaseChangedEvent
            - `event: CASE_UPDATED` → CaseChangedEvent
            - `event: SLA_BREACHED` → SlaBreachedEvent
            - `event: CASE_ESCALATED` → CaseEscalatedEvent

            The `x-events` extension maps each event name to its data schema.""",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(
                    description = "The `data:` of one event, by its name",
                    oneOf = { MotPayload.FeedbackReceived.class, MotPayload.CaseChanged.class, MotPayload.SlaBreached.class,
                            MotPayload.CaseEscalated.class })),
            extensions = @Extension(name = "x-events", value = EVENTS, parseValue = true))
    @APIResponse(responseCode = "400", description = "`invalid-parameter`: Last-Event-ID is not an event id of this stream")
    public void stream(
            @Parameter(in = ParameterIn.HEADER, name = "Last-Event-ID", description = "The id of the last event received, "
                    + "to resume after it", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]+$"))
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "Only the events of this team's touchpoints and cases") @QueryParam("team") String team,
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
