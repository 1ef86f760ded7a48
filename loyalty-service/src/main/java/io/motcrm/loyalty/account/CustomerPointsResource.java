package io.motcrm.loyalty.account;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.security.Roles;
import io.motcrm.loyalty.earn.EarnQuote;
import io.motcrm.loyalty.earn.EarnQuoteRequest;
import io.motcrm.loyalty.earn.Earnings;
import io.motcrm.loyalty.redemption.CodeRequest;
import io.motcrm.loyalty.redemption.Redemptions;
import io.motcrm.loyalty.tier.TierStatus;
import io.motcrm.loyalty.tier.TierStatusReader;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer's points: balance, statement, expiring points, spending. */
@Path("/api/v1/loyalty/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customer points")
public class CustomerPointsResource {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    CustomerAccounts accounts;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    /** The spend request as the idempotency fingerprint sees it: the path names the customer. */
    @RegisterForReflection
    record SpendCommand(UUID customerId, SpendRequest request) {
    }

    @RegisterForReflection
    record CodeCommand(UUID customerId, CodeRequest request) {
    }

    @Inject
    Redemptions redemptions;

    @Inject
    Earnings earnings;

    @Inject
    TierStatusReader tierStatus;

    @Inject
    Exports exports;

    @GET
    @Path("/balance")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Points balance: available = posted - held - locked")
    public Balance balance(@PathParam("customerId") UUID customerId) {
        access.requireAccessTo(customerId);
        return accounts.balance(customerId);
    }

    @GET
    @Path("/statement")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Transactions on the account, newest first, a page at a time")
    public Statement statement(@PathParam("customerId") UUID customerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        access.requireAccessTo(customerId);
        return accounts.statement(customerId, page, size);
    }

    @GET
    @Path("/transactions/{transactionId}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "One transaction as it touched the account")
    public StatementLine transaction(@PathParam("customerId") UUID customerId,
            @PathParam("transactionId") long transactionId) {
        access.requireAccessTo(customerId);
        return accounts.transaction(customerId, transactionId);
    }

    @GET
    @Path("/expiring-points")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Points expiring within the given number of days, lot by lot")
    public ExpiringPoints expiring(@PathParam("customerId") UUID customerId,
            @QueryParam("withinDays") @DefaultValue("30") @Min(1) @Max(731) int withinDays) {
        access.requireAccessTo(customerId);
        return accounts.expiring(customerId, withinDays);
    }

    @POST
    @Path("/redemption-codes")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "A short-lived one-time code to redeem points at a partner (requires an Idempotency-Key)")
    public Response redemptionCode(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid CodeRequest request) {
        access.requireCustomer(customerId);
        CodeRequest body = request == null ? new CodeRequest(null) : request;
        return idempotency.execute(key, "redemption.code", new CodeCommand(customerId, body),
                () -> Response.status(Response.Status.CREATED).entity(redemptions.issueCode(customerId, body)).build());
    }

    @POST
    @Path("/earn-quote")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Dry run: what a purchase would earn now (tier, first-purchase bonus, daily limit); books nothing")
    public EarnQuote earnQuote(@PathParam("customerId") UUID customerId, @Valid @NotNull EarnQuoteRequest request) {
        access.requireAccessTo(customerId);
        return earnings.dryRun(customerId, request);
    }

    @GET
    @Path("/tier")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The customer's tier, qualifying points over the last 12 months and tier history")
    public TierStatus tier(@PathParam("customerId") UUID customerId) {
        access.requireAccessTo(customerId);
        return tierStatus.of(accounts.account(customerId));
    }

    @GET
    @Path("/export")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Everything loyalty-service holds about the customer")
    public CustomerExport export(@PathParam("customerId") UUID customerId) {
        access.requireAccessTo(customerId);
        return exports.export(customerId);
    }

    @POST
    @Path("/spends")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Spend available points (requires an Idempotency-Key)")
    public Response spend(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull SpendRequest request) {
        access.requireAccessTo(customerId);
        return idempotency.execute(key, "points.spend", new SpendCommand(customerId, request), () -> {
            SpendResult result = accounts.spend(customerId, request);
            return Response.created(URI.create("/api/v1/loyalty/customers/" + customerId + "/transactions/"
                    + result.transactionId())).entity(result).build();
        });
    }
}
