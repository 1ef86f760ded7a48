package io.motcrm.customer.privacy;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import io.motcrm.customer.consent.SourceChannel;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Erasure of a customer and its progress in each service. */
@Path("/api/v1/customers/{customerId}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class ErasureResource {

    @Inject
    CallerAccess access;

    @Inject
    Erasures erasures;

    @Inject
    Idempotency idempotency;

    @RegisterForReflection
    record EraseCommand(UUID customerId, ErasureRequest request) {
    }

    @POST
    @RolesAllowed({ Roles.CUSTOMER, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Erase the customer (requires an Idempotency-Key)",
            description = "Anonymises the profile at once (personal data replaced, member and referral codes "
                    + "retired, consents withdrawn) and asks loyalty-service and feedback-service to anonymise "
                    + "theirs through the outbox. 201 with the erasure record; erasing again answers 200 with the "
                    + "same record and changes nothing.")
    public Response erase(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid ErasureRequest request) {
        access.requireOwnOrRole(customerId, Roles.SUPERVISOR, Roles.ADMIN);
        ErasureRequest body = request == null ? new ErasureRequest(null) : request;
        SourceChannel channel = body.channel() != null ? body.channel()
                : access.isStaff() ? SourceChannel.CALL_CENTRE : SourceChannel.APP;
        return idempotency.execute(key, "customer.erase", new EraseCommand(customerId, body), () -> {
            Erasures.Result result = erasures.erase(customerId, channel, access.name());
            URI location = URI.create("/api/v1/customers/" + customerId + "/erasure");
            return result.created() ? Response.created(location).entity(result.erasure()).build()
                    : Response.ok(result.erasure()).location(location).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The customer's erasure and each service's completion")
    public ErasureView erasure(@PathParam("customerId") UUID customerId) {
        access.requireOwnOrRole(customerId, Roles.SUPERVISOR, Roles.ADMIN);
        return erasures.get(customerId);
    }
}
