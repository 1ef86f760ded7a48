package io.motcrm.customer.identity;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.customer.privacy.Erasure;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;

/**
 * The erasure's step in Keycloak, reached through this service's own outbox (target
 * {@value AccountErasure#TARGET}) so that it survives a Keycloak outage: the relay retries until it is done.
 * Only for a customer erased here.
 */
@Path(AccountErasure.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class IdentityErasureResource {

    @Inject
    Idempotency idempotency;

    @Inject
    IdentityAccounts accounts;

    @POST
    @Operation(operationId = "eraseIdentityAccount", summary = "Delete an erased customer's Keycloak account",
            description = "Deletes the Keycloak users whose attribute customer_id is the customer's id, except users "
                    + "with a staff, partner or service role (kept, their ids logged). A user already gone counts as "
                    + "deleted, so sending it again changes nothing.")
    @APIResponse(responseCode = "204", description = "The customer has no Keycloak account any more")
    @APIResponse(responseCode = "404", description = "`erasure-not-found`: no such erasure of this customer")
    @APIResponse(responseCode = "503", description = "`identity-provider-unavailable`: Keycloak is down, failed or "
            + "refused this service's client; retry later")
    public Response erase(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull AccountErasure request) {
        return idempotency.execute(key, "identity.erase", request, () -> {
            Erasure erasure = Erasure.findById(request.erasureId());
            if (erasure == null || !erasure.customerId.equals(request.customerId())) {
                throw new ProblemException(CustomerProblem.ERASURE_NOT_FOUND,
                        "No erasure " + request.erasureId() + " of customer " + request.customerId());
            }
            accounts.erase(request.customerId());
            return Response.noContent().build();
        });
    }
}
