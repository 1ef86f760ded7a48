package io.motcrm.loyalty.donation;

import static io.motcrm.loyalty.donation.DonationResource.DONATE;
import static io.motcrm.loyalty.donation.DonationResource.DONATE_NOT_FOUND;
import static io.motcrm.loyalty.donation.DonationResource.DONATE_REFUSED;
import static io.motcrm.loyalty.donation.DonationResource.JSON;
import static io.motcrm.loyalty.donation.DonationResource.NO_DONATION;

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
import io.motcrm.loyalty.donation.DonationResource.DonateCommand;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;

/** The signed-in customer's donations, the id taken from the token: the twins of {@link DonationResource}. */
@Path("/api/v1/me/loyalty/donations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer app")
public class MyDonationResource {

    @Inject
    Donations donations;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @POST
    @Operation(operationId = "donateMyPoints", summary = "Donate my points to a registered charity",
            description = "Spendable points go, soonest-expiring first.")
    @RequestBody(content = @Content(mediaType = JSON, schema = @Schema(implementation = DonationRequest.class),
            examples = @ExampleObject(name = "donation", value = ApiExamples.DONATION_REQUEST)))
    @APIResponse(responseCode = "201", description = "Donated; Location is the receipt",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = DonationReceipt.class),
                    examples = @ExampleObject(name = "receipt", value = ApiExamples.DONATION_RECEIPT)))
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = DONATE_NOT_FOUND)
    @APIResponse(responseCode = "422", description = DONATE_REFUSED)
    public Response donate(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull DonationRequest request) {
        UUID me = access.me();
        return idempotency.execute(key, DONATE, new DonateCommand(me, request), () -> {
            DonationReceipt receipt = donations.donate(me, request);
            return Response.created(URI.create("/api/v1/me/loyalty/donations/" + receipt.donationId()))
                    .entity(receipt).build();
        });
    }

    @GET
    @Operation(operationId = "listMyDonations", summary = "My donation receipts, newest first, a page at a time")
    @APIResponse(responseCode = "200", description = "One page of receipts",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = DonationPage.class)))
    @APIResponse(responseCode = "400", description = Cursors.INVALID)
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = "`account-not-found`: I have no points account")
    public DonationPage list(@Parameter(description = Cursors.AFTER) @QueryParam("after") String after,
            @Parameter(description = Cursors.LIMIT) @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursors.MAX_LIMIT) int limit) {
        return donations.page(access.me(), after, limit);
    }

    @GET
    @Path("/{donationId}")
    @Operation(operationId = "getMyDonationReceipt", summary = "The receipt of one of my donations")
    @APIResponse(responseCode = "200", description = "The receipt",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = DonationReceipt.class),
                    examples = @ExampleObject(name = "receipt", value = ApiExamples.DONATION_RECEIPT)))
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_DONATION)
    public DonationReceipt receipt(@PathParam("donationId") UUID donationId) {
        return donations.receipt(access.me(), donationId);
    }
}
