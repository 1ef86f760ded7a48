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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/** Actions on cases, and the approvals of those above the front line's authority. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/cases/{id}/actions")
@Tag(name = "Empowerment")
public class ActionResource {

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    Empowerment empowerment;

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Act on a case (Idempotency-Key required): 201 when applied, 202 when it waits for approval")
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
