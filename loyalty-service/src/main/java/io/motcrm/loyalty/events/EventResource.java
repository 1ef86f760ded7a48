package io.motcrm.loyalty.events;

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

import io.motcrm.platform.security.Roles;
import io.motcrm.loyalty.account.AccountErased;
import io.motcrm.loyalty.account.AccountOpened;
import io.motcrm.loyalty.account.CustomerAccounts;
import io.motcrm.loyalty.account.CustomerRegistered;
import io.motcrm.loyalty.account.CustomerErased;
import io.motcrm.loyalty.account.Erasures;
import io.motcrm.loyalty.consent.ConsentApplied;
import io.motcrm.loyalty.consent.ConsentChanged;
import io.motcrm.loyalty.consent.Consents;
import io.motcrm.loyalty.earn.Earnings;
import io.motcrm.loyalty.earn.PurchaseEarned;
import io.motcrm.loyalty.earn.ReferralRewarded;
import io.motcrm.loyalty.earn.ReturnReversed;
import io.motcrm.loyalty.earn.ReferralCompleted;
import io.motcrm.loyalty.earn.Referrals;
import io.motcrm.loyalty.earn.PurchaseRecorded;
import io.motcrm.loyalty.earn.PurchaseReturned;
import io.motcrm.platform.idempotency.Idempotency;

/**
 * Receivers of customer-service's outbox. Each is idempotent twice over: the Idempotency-Key replays
 * the first answer to a retry, and the domain refuses to book the same cause twice (one account per
 * customer, one earn per purchase, one reversal per return, one welcome and first-purchase bonus
 * per customer), so a message re-sent under a new key is answered with {@code duplicate: true}.
 * An event that arrives before the one it depends on gets a 409, which the relay retries.
 */
@Path("/internal/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class EventResource {

    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final String NOT_REGISTERED = "`customer-not-registered`: the customer's registration has not "
            + "arrived yet; retry later";

    @Inject
    Idempotency idempotency;

    @Inject
    CustomerAccounts accounts;

    @Inject
    Earnings earnings;

    @Inject
    Referrals referrals;

    @Inject
    Erasures erasures;

    @Inject
    Consents consents;

    @POST
    @Path("/customer-registered")
    @Operation(operationId = "openPointsAccount", summary = "Open the customer's points account and grant the welcome bonus")
    @APIResponse(responseCode = "200", description = "Opened, or already open (`duplicate`)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = AccountOpened.class)))
    @APIResponse(responseCode = "422", description = "`member-code-taken`: another customer's account has this member code")
    public Response customerRegistered(@HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull CustomerRegistered event) {
        return idempotency.execute(key, "event.customer-registered", event,
                () -> Response.ok(accounts.open(event)).build());
    }

    @POST
    @Path("/purchase-recorded")
    @Operation(operationId = "earnPurchasePoints", summary = "Earn points for a purchase (locked for the return window)")
    @APIResponse(responseCode = "200", description = "Earned, or already earned (`duplicate`)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PurchaseEarned.class)))
    @APIResponse(responseCode = "409", description = NOT_REGISTERED)
    @APIResponse(responseCode = "422", description = "`purchase-conflict`: the purchase was recorded with another "
            + "customer or total")
    public Response purchaseRecorded(@HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull PurchaseRecorded event) {
        return idempotency.execute(key, "event.purchase-recorded", event,
                () -> Response.ok(earnings.recordPurchase(event)).build());
    }

    @POST
    @Path("/purchase-returned")
    @Operation(operationId = "reversePurchasePoints", summary = "Take back points for a return, in proportion to the value returned")
    @APIResponse(responseCode = "200", description = "Taken back, or already taken back (`duplicate`)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ReturnReversed.class)))
    @APIResponse(responseCode = "409", description = "`purchase-not-recorded`: the purchase has not arrived yet; retry later")
    @APIResponse(responseCode = "422", description = "`purchase-customer-mismatch`: the purchase belongs to another "
            + "customer; `return-conflict`: the return was recorded with another purchase or value; "
            + "`return-exceeds-purchase`: returns would add up to more than the purchase total")
    public Response purchaseReturned(@HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull PurchaseReturned event) {
        return idempotency.execute(key, "event.purchase-returned", event,
                () -> Response.ok(earnings.recordReturn(event)).build());
    }

    @POST
    @Path("/referral-completed")
    @Operation(operationId = "rewardReferral", summary = "Grant the referral bonus to referrer and referee, once per referee")
    @APIResponse(responseCode = "200", description = "Rewarded, or already rewarded (`duplicate`)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ReferralRewarded.class)))
    @APIResponse(responseCode = "409", description = NOT_REGISTERED)
    @APIResponse(responseCode = "422", description = "`self-referral`: referrer and referee are the same customer; "
            + "`referral-conflict`: the referee was already rewarded for another referral")
    public Response referralCompleted(@HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull ReferralCompleted event) {
        return idempotency.execute(key, "event.referral-completed", event,
                () -> Response.ok(referrals.reward(event)).build());
    }

    @POST
    @Path("/customer-erased")
    @Operation(operationId = "closePointsAccount", summary = "Close and anonymise an erased customer's account; remaining points are forfeited",
            description = "All in this request: holds released, points forfeited, member code removed, account closed; "
                    + "compensation reasons, spends' own references and descriptions, one-time codes (used or not), "
                    + "the partner_sharing consent, stored idempotent answers about the customer and the purposes of "
                    + "staff reads still in the outbox are removed. The ledger keeps ids and amounts. A second delivery "
                    + "finds nothing left and answers `duplicate: true`.")
    @APIResponse(responseCode = "200", description = "Closed, or already closed (`duplicate`)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = AccountErased.class)))
    public Response customerErased(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull CustomerErased event) {
        return idempotency.execute(key, "event.customer-erased", event,
                () -> Response.ok(erasures.erase(event)).build());
    }

    @POST
    @Path("/consent-changed")
    @Operation(operationId = "recordConsentChange", summary = "A customer gave or withdrew a consent; loyalty acts on `partner_sharing`",
            description = "The latest change by `changedAt` wins (a withdrawal wins a tie), whatever order they arrive in. "
                    + "Without `partner_sharing` a partner's redemption answers name the customer only by the partner's "
                    + "own pseudonymous reference; with it they carry the member code too. Other purposes are accepted "
                    + "and ignored; a change for a customer whose account is not open yet is kept for when it opens; for "
                    + "an erased customer nothing is kept.")
    @APIResponse(responseCode = "200", description = "Recorded, or accepted and ignored (`applied: false`)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ConsentApplied.class)))
    public Response consentChanged(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull ConsentChanged event) {
        return idempotency.execute(key, "event.consent-changed", event,
                () -> Response.ok(consents.apply(event)).build());
    }
}
