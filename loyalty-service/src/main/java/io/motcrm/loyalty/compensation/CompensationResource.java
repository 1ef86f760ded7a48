package io.motcrm.loyalty.compensation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;

/** feedback-service → loyalty-service: points an agent granted on a case (docs/contracts.md). */
@Path("/internal/v1/compensations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal events")
public class CompensationResource {

    @Inject
    Idempotency idempotency;

    @Inject
    Compensations compensations;

    @POST
    @Operation(summary = "Grant compensation points, once per case action")
    public Response grant(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull CompensationRequest request) {
        return idempotency.execute(key, "compensation.grant", request,
                () -> Response.ok(compensations.grant(request)).build());
    }
}
