package io.motcrm.customer.consent;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's consents. The customer manages their own; staff record consent given to them (in a
 * store, on the phone) and see every customer's.
 */
@Path("/api/v1/customers/{customerId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
@Tag(name = "Consents")
public class ConsentResource {

    @Inject
    Consents consents;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @RegisterForReflection
    record ConsentCommand(UUID customerId, ConsentRequest request) {
    }

    @POST
    @Operation(summary = "Grant or withdraw consent for a purpose (requires an Idempotency-Key)")
    public Response record(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull ConsentRequest request) {
        access.requireOwnOrStaff(customerId);
        return idempotency.execute(key, "consent.record", new ConsentCommand(customerId, request), () -> {
            ConsentRecord recorded = consents.record(customerId, request, access.name());
            return Response.created(URI.create("/api/v1/customers/" + customerId + "/consents/history"))
                    .entity(recorded).build();
        });
    }

    @GET
    @Operation(summary = "Current consent per purpose; nothing is granted until the customer grants it")
    public List<ConsentState> current(@PathParam("customerId") UUID customerId) {
        access.requireOwnOrStaff(customerId);
        return consents.current(customerId);
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every grant and withdrawal, oldest first")
    public List<ConsentRecord> history(@PathParam("customerId") UUID customerId) {
        access.requireOwnOrStaff(customerId);
        return consents.history(customerId);
    }
}
