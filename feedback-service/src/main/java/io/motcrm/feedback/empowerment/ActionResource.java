package io.motcrm.feedback.empowerment;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/** Actions on cases, and the approvals of those above the front line's authority. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/cases/{id}/actions")
@Tag(name = "Staff")
public class ActionResource {

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    Empowerment empowerment;

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "actOnCase", summary = "Act on a case (Idempotency-Key required): applied at once within "
            + "the caller's authority, otherwise an approval request for a supervisor")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionRequest.class),
            examples = {
                    @ExampleObject(name = "apology", summary = "An apology (counts as the first response)",
                            value = "{\"kind\": \"APOLOGY\", \"note\": \"Apologised in person.\"}"),
                    @ExampleObject(name = "compensation", summary = "Points for the customer, granted through loyalty-service",
                            value = "{\"kind\": \"COMPENSATION_POINTS\", \"points\": 3000, \"note\": \"For the wait.\"}") }))
    @APIResponse(responseCode = "201", description = "Applied (`status` APPLIED); points are granted through loyalty-service. "
            + "Location is the case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionView.class),
                    examples = @ExampleObject(name = "applied", value = """
                            {"id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "caseId": "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                             "kind": "COMPENSATION_POINTS", "points": 3000, "note": "For the wait.", "status": "APPLIED",
                             "requestedBy": "agent.kim", "requestedRole": "agent", "requestedAt": "2026-05-04T10:15:00Z",
                             "decidedBy": null, "decisionReason": null, "decidedAt": null, "authorityLimit": null}""")))
    @APIResponse(responseCode = "202", description = "Above the caller's authority per case or per day: waiting for a "
            + "supervisor's approval (`status` PENDING_APPROVAL; the action's `id` is the approval request's). "
            + "`authorityLimit.limitReached` says which limit was reached, PER_CASE or PER_DAY, with the limits "
            + "(`perCase`, `perDay`) and what was already granted (`onCase`, `today`). Location is the case",
            headers = @Header(name = "Location", description = "The case's path", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionView.class),
                    examples = @ExampleObject(name = "pendingApproval", value = """
                            {"id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "caseId": "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                             "kind": "COMPENSATION_POINTS", "points": 9000, "note": "Second visit ruined too.",
                             "status": "PENDING_APPROVAL", "requestedBy": "agent.kim", "requestedRole": "agent",
                             "requestedAt": "2026-05-04T10:20:00Z", "decidedBy": null, "decisionReason": null, "decidedAt": null,
                             "authorityLimit": {"limitReached": "PER_CASE", "role": "agent", "perCase": 5000, "perDay": 20000,
                                                "onCase": 0, "today": 3000}}""")))
    @APIResponse(responseCode = "404", description = "`case-not-found`: no such case")
    @APIResponse(responseCode = "409", description = "`case-closed`: a closed case must be reopened first")
    @APIResponse(responseCode = "422", description = "`points-required`: COMPENSATION_POINTS needs a number of points above 0; "
            + "`compensation-needs-customer`: an anonymous case cannot receive points; `points-not-accepted`: points "
            + "with another kind of action (they are never dropped silently)")
    public Response act(@PathParam("id") UUID caseId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull ActionRequest request) {
        String role = Empowerment.authorityRole(caller::hasRole);
        return idempotency.execute(key, "case.action", Map.of("case", caseId, "action", request), () -> {
            ActionView action = empowerment.act(caseId, request, caller.name(), role);
            int status = action.status() == ActionStatus.APPLIED ? 201 : 202;
            return Response.status(status).location(URI.create("/api/v1/cases/" + caseId)).entity(action).build();
        });
    }
}
