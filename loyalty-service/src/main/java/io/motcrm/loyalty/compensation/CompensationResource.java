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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;

/** feedback-service → loyalty-service: points an agent granted on a case (docs/contracts.md). */
@Path("/internal/v1/compensations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class CompensationResource {

    @Inject
    Idempotency idempotency;

    @Inject
    Compensations compensations;

    @POST
    @Operation(operationId = "grantCompensationPoints", summary = "Grant compensation points, once per case action",
            description = "The same action again, under any key, answers the first grant with `duplicate: true`; "
                    + "for an erased customer nothing is granted and `customerErased` is true.")
    @APIResponse(responseCode = "200", description = "Granted, or already granted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompensationGranted.class)))
    @APIResponse(responseCode = "409", description = "`customer-not-registered`: the customer's registration has not "
            + "arrived yet; retry later")
    @APIResponse(responseCode = "422", description = "`compensation-conflict`: the action was already compensated with "
            + "another customer, case or points")
    public Response grant(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull CompensationRequest request) {
        return idempotency.execute(key, "compensation.grant", request,
                () -> Response.ok(compensations.grant(request)).build());
    }
}
