package io.motcrm.loyalty.donation;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.loyalty.ApiExamples;
import io.motcrm.loyalty.Cursors;
import io.motcrm.loyalty.account.CallerAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's donations to charities, with receipts, by customer id. The signed-in customer's app uses
 * the twins under {@code /api/v1/me/loyalty/donations} ({@link MyDonationResource}). A staff read of a receipt
 * states its purpose and is recorded in the customer's access log (section {@value #DONATIONS}).
 */
@Path("/api/v1/loyalty/customers/{customerId}/donations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DonationResource {

    static final String JSON = MediaType.APPLICATION_JSON;
    /** The idempotency operation, shared with the /me twin: a retry through either route replays the first answer. */
    static final String DONATE = "donation.create";
    static final String DONATE_NOT_FOUND = "`charity-not-found`: no registered charity with this id; "
            + "`account-not-found`: the customer has no points account";
    static final String DONATE_REFUSED = "`charity-not-active`: the charity no longer takes donations; "
            + "`insufficient-points`: fewer available points than given (members available and requested)";
    /** The access-log section of a staff read of a donation. */
    static final String DONATIONS = "donations";
    static final String NO_DONATION = "`donation-not-found`: no such donation of this customer";

    @Inject
    Donations donations;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @Inject
    StaffReads staffReads;

    @RegisterForReflection
    record DonateCommand(UUID customerId, DonationRequest request) {
    }

    @POST
    @RolesAllowed(Roles.CUSTOMER)
    @Tag(name = "Customer app")
    @Operation(operationId = "donatePoints", deprecated = true,
            summary = "Donate points to a registered charity; use donateMyPoints",
            description = "Only the customer themselves. Spendable points go, soonest-expiring first.")
    @RequestBody(content = @Content(mediaType = JSON, schema = @Schema(implementation = DonationRequest.class),
            examples = @ExampleObject(name = "donation", value = ApiExamples.DONATION_REQUEST)))
    @APIResponse(responseCode = "201", description = "Donated; Location is the receipt",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = DonationReceipt.class),
                    examples = @ExampleObject(name = "receipt", value = ApiExamples.DONATION_RECEIPT)))
    @APIResponse(responseCode = "404", description = DONATE_NOT_FOUND + "; `not-found`: another customer's id")
    @APIResponse(responseCode = "422", description = DONATE_REFUSED)
    public Response donate(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull DonationRequest request) {
        access.requireCustomer(customerId);
        return idempotency.execute(key, DONATE, new DonateCommand(customerId, request), () -> {
            DonationReceipt receipt = donations.donate(customerId, request);
            return Response.created(URI.create("/api/v1/loyalty/customers/" + customerId + "/donations/"
                    + receipt.donationId())).entity(receipt).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "listCustomerDonations", summary = "A customer's donation receipts, newest first, a page at a time")
    @APIResponse(responseCode = "200", description = "One page of receipts",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = DonationPage.class)))
    @APIResponse(responseCode = "400", description = Cursors.INVALID + "; `access-purpose-required`: no purpose in "
            + "X-Access-Purpose (1 to 200 characters)")
    @APIResponse(responseCode = "404", description = "`account-not-found`: the customer has no points account")
    public DonationPage list(@PathParam("customerId") UUID customerId,
            @Parameter(description = Cursors.AFTER) @QueryParam("after") String after,
            @Parameter(description = Cursors.LIMIT) @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursors.MAX_LIMIT) int limit,
            @Parameter(description = StaffReads.PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        staffReads.requirePurpose(purpose);
        DonationPage page = donations.page(customerId, after, limit);
        staffReads.record(customerId, DONATIONS, purpose);
        return page;
    }

    @GET
    @Path("/{donationId}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getDonationReceipt", summary = "The receipt of a donation")
    @APIResponse(responseCode = "200", description = "The receipt",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = DonationReceipt.class),
                    examples = @ExampleObject(name = "receipt", value = ApiExamples.DONATION_RECEIPT)))
    @APIResponse(responseCode = "400", description = "`access-purpose-required`: staff without a purpose in "
            + "X-Access-Purpose (1 to 200 characters)")
    @APIResponse(responseCode = "404", description = NO_DONATION + "; `not-found`: a customer's token with another "
            + "customer's id")
    public DonationReceipt receipt(@PathParam("customerId") UUID customerId, @PathParam("donationId") UUID donationId,
            @Parameter(description = StaffReads.PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        access.requireAccessTo(customerId);
        staffReads.requirePurpose(purpose);
        DonationReceipt receipt = donations.receipt(customerId, donationId);
        staffReads.record(customerId, DONATIONS, purpose);
        return receipt;
    }
}
