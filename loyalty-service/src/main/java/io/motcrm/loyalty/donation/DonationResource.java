package io.motcrm.loyalty.donation;

import java.net.URI;
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

import io.motcrm.loyalty.account.CallerAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer's donations to charities, with receipts. */
@Path("/api/v1/loyalty/customers/{customerId}/donations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Donations")
public class DonationResource {

    @Inject
    Donations donations;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @RegisterForReflection
    record DonateCommand(UUID customerId, DonationRequest request) {
    }

    @POST
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Donate points to a registered charity (requires an Idempotency-Key)")
    public Response donate(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull DonationRequest request) {
        access.requireCustomer(customerId);
        return idempotency.execute(key, "donation.create", new DonateCommand(customerId, request), () -> {
            DonationReceipt receipt = donations.donate(customerId, request);
            return Response.created(URI.create("/api/v1/loyalty/customers/" + customerId + "/donations/"
                    + receipt.donationId())).entity(receipt).build();
        });
    }

    @GET
    @Path("/{donationId}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The receipt of a donation")
    public DonationReceipt receipt(@PathParam("customerId") UUID customerId, @PathParam("donationId") UUID donationId) {
        access.requireAccessTo(customerId);
        return donations.receipt(customerId, donationId);
    }
}
