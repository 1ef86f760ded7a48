package io.motcrm.loyalty.account;

import static io.motcrm.loyalty.account.CustomerPointsResource.ISSUE_CODE;
import static io.motcrm.loyalty.account.CustomerPointsResource.JSON;
import static io.motcrm.loyalty.account.CustomerPointsResource.MAX_PAGE_SIZE;
import static io.motcrm.loyalty.account.CustomerPointsResource.NO_ACCOUNT;
import static io.motcrm.loyalty.account.CustomerPointsResource.PAGE;
import static io.motcrm.loyalty.account.CustomerPointsResource.SIZE;
import static io.motcrm.loyalty.account.CustomerPointsResource.SPEND;
import static io.motcrm.loyalty.account.CustomerPointsResource.SPEND_REFUSED;
import static io.motcrm.loyalty.account.CustomerPointsResource.STATEMENT_PAGING;

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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.loyalty.ApiExamples;
import io.motcrm.loyalty.Cursors;
import io.motcrm.loyalty.account.CustomerPointsResource.CodeCommand;
import io.motcrm.loyalty.account.CustomerPointsResource.SpendCommand;
import io.motcrm.loyalty.earn.EarnQuote;
import io.motcrm.loyalty.earn.EarnQuoteRequest;
import io.motcrm.loyalty.earn.Earnings;
import io.motcrm.loyalty.redemption.CodeIssued;
import io.motcrm.loyalty.partner.PartnerOfferPage;
import io.motcrm.loyalty.partner.Partners;
import io.motcrm.loyalty.redemption.CodeRequest;
import io.motcrm.loyalty.redemption.RedemptionCodePage;
import io.motcrm.loyalty.redemption.RedemptionCodeView;
import io.motcrm.loyalty.redemption.Redemptions;
import io.motcrm.loyalty.tier.TierStatus;
import io.motcrm.loyalty.tier.TierStatusReader;
import io.motcrm.platform.openapi.ProblemDocumentation;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;

/**
 * The signed-in customer's own points, the id taken from the token: the twins of
 * {@link CustomerPointsResource}'s customer operations, for the customer's app. Staff use the by-id routes.
 */
@Path("/api/v1/me/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer app")
public class MyPointsResource {

    @Inject
    CallerAccess access;

    @Inject
    CustomerAccounts accounts;

    @Inject
    Idempotency idempotency;

    @Inject
    Redemptions redemptions;

    @Inject
    Earnings earnings;

    @Inject
    TierStatusReader tierStatus;

    @Inject
    Exports exports;

    @Inject
    Partners partners;

    @GET
    @Path("/balance")
    @Operation(operationId = "getMyPointsBalance", summary = "My points balance: available = posted - locked; held points have left posted")
    @APIResponse(responseCode = "200", description = "The balance now",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Balance.class),
                    examples = @ExampleObject(name = "balance", value = ApiExamples.BALANCE)))
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT)
    public Balance balance() {
        return accounts.balance(access.me());
    }

    @GET
    @Path("/statement")
    @Operation(operationId = "getMyPointsStatement", summary = "My transactions, newest first, a page at a time",
            description = "Page with `after` = the previous page's `nextCursor` and `limit`: stable while new "
                    + "transactions arrive. `page`/`size` (offset paging) still work.")
    @APIResponse(responseCode = "200", description = "One page of the statement",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Statement.class),
                    examples = @ExampleObject(name = "statement", value = ApiExamples.STATEMENT)))
    @APIResponse(responseCode = "400", description = STATEMENT_PAGING)
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT)
    public Statement statement(@Parameter(description = Cursors.AFTER) @QueryParam("after") String after,
            @Parameter(description = Cursors.LIMIT) @QueryParam("limit") @Min(1) @Max(MAX_PAGE_SIZE) Integer limit,
            @Parameter(description = PAGE, deprecated = true) @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @Parameter(description = SIZE, deprecated = true) @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return accounts.statement(access.me(), page, limit == null ? size : limit, after);
    }

    @GET
    @Path("/transactions/{transactionId}")
    @Operation(operationId = "getMyPointsTransaction", summary = "One transaction as it touched my account")
    @APIResponse(responseCode = "200", description = "The transaction's entry on my account",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = StatementLine.class)))
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT + "; `transaction-not-found`: the transaction is not on "
            + "this account")
    public StatementLine transaction(@PathParam("transactionId") long transactionId) {
        return accounts.transaction(access.me(), transactionId);
    }

    @GET
    @Path("/expiring-points")
    @Operation(operationId = "listMyExpiringPoints", summary = "My points expiring within the given number of days, lot by lot")
    @APIResponse(responseCode = "200", description = "The expiring lots, soonest first",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ExpiringPoints.class)))
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT)
    public ExpiringPoints expiring(@QueryParam("withinDays") @DefaultValue("30") @Min(1) @Max(731) int withinDays) {
        return accounts.expiring(access.me(), withinDays);
    }

    @GET
    @Path("/tier")
    @Operation(operationId = "getMyLoyaltyTier", summary = "My tier, qualifying points over the last 12 months and tier history")
    @APIResponse(responseCode = "200", description = "The tier",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TierStatus.class)))
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT)
    public TierStatus tier() {
        return tierStatus.of(accounts.account(access.me()));
    }

    @GET
    @Path("/export")
    @Operation(operationId = "exportMyLoyaltyData", summary = "Everything loyalty-service holds about me")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CustomerExport.class)))
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT)
    public CustomerExport export() {
        return exports.export(access.me());
    }

    @POST
    @Path("/earn-quote")
    @Operation(operationId = "quoteMyPurchaseEarn",
            summary = "Dry run: what a purchase would earn me now (tier, first-purchase bonus, daily limit); books nothing")
    @APIResponse(responseCode = "200", description = "What the purchase would earn",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = EarnQuote.class)))
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT)
    public EarnQuote earnQuote(@Valid @NotNull EarnQuoteRequest request) {
        return earnings.dryRun(access.me(), request);
    }

    @POST
    @Path("/redemption-codes")
    @Operation(operationId = "issueMyRedemptionCode", summary = "A short-lived one-time code to redeem my points at a partner",
            description = "A partner holds points with the code once, before `expiresAt`.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, schema = @Schema(implementation = CodeRequest.class),
            examples = @ExampleObject(name = "capped", value = ApiExamples.CODE_REQUEST)))
    @APIResponse(responseCode = "201", description = "The code",
            extensions = @Extension(name = ProblemDocumentation.NO_LOCATION, value = "A one-time code is listed with "
                    + "my others (listMyRedemptionCodes), not read one by one"),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CodeIssued.class),
                    examples = @ExampleObject(name = "code", value = ApiExamples.CODE_ISSUED)))
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT)
    @APIResponse(responseCode = "422", description = "`account-closed`: the points account is closed")
    public Response redemptionCode(@HeaderParam(Idempotency.HEADER) String key, @Valid CodeRequest request) {
        UUID me = access.me();
        CodeRequest body = request == null ? new CodeRequest(null) : request;
        return idempotency.execute(key, ISSUE_CODE, new CodeCommand(me, body),
                () -> Response.status(Response.Status.CREATED).entity(redemptions.issueCode(me, body)).build());
    }

    @GET
    @Path("/redemption-codes")
    @Operation(operationId = "listMyRedemptionCodes", summary = "My one-time codes, newest first, with their state",
            description = "`ACTIVE` (usable now), `USED` (a partner used it: `redemptionId`), `EXPIRED` or `REVOKED`. "
                    + "Codes are kept until the codes' retention (30 days after they expired).")
    @APIResponse(responseCode = "200", description = "One page of codes",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RedemptionCodePage.class)))
    @APIResponse(responseCode = "400", description = Cursors.INVALID)
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT)
    public RedemptionCodePage redemptionCodes(@Parameter(description = Cursors.AFTER) @QueryParam("after") String after,
            @Parameter(description = Cursors.LIMIT) @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursors.MAX_LIMIT) int limit) {
        return redemptions.codes(access.me(), after, limit);
    }

    @POST
    @Path("/redemption-codes/{code}/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "revokeMyRedemptionCode", summary = "Revoke one of my unused codes: no partner can use it any more",
            description = "Idempotent without an Idempotency-Key: revoking a code already revoked, or expired, answers it "
                    + "as it stands and changes nothing else.")
    @APIResponse(responseCode = "200", description = "The code, now `REVOKED` (or `EXPIRED` if it had run out before)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RedemptionCodeView.class)))
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT + "; `redemption-code-not-found`: I have no such code")
    @APIResponse(responseCode = "409", description = "`redemption-code-used`: a partner already used the code "
            + "(member redemptionId); a used code cannot be revoked")
    public RedemptionCodeView revokeRedemptionCode(@PathParam("code") String code) {
        return redemptions.revokeCode(access.me(), code);
    }

    @GET
    @Path("/partners")
    @Operation(operationId = "listPartnersForMe", summary = "The partners where I can use and earn points, by id, a page at a time")
    @APIResponse(responseCode = "200", description = "One page of active partners",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PartnerOfferPage.class)))
    @APIResponse(responseCode = "400", description = Cursors.INVALID)
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    public PartnerOfferPage partners(@Parameter(description = Cursors.AFTER) @QueryParam("after") String after,
            @Parameter(description = Cursors.LIMIT) @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursors.MAX_LIMIT) int limit) {
        access.me();
        return partners.offers(after, limit);
    }

    @POST
    @Path("/spends")
    @Operation(operationId = "spendMyPoints", summary = "Spend my available points with the company, soonest-expiring first")
    @APIResponse(responseCode = "201", description = "Spent; Location is the transaction on my account",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = SpendResult.class)))
    @APIResponse(responseCode = "403", description = CallerAccess.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT)
    @APIResponse(responseCode = "409", description = "`reference-used`: points were already spent with this reference")
    @APIResponse(responseCode = "422", description = SPEND_REFUSED)
    public Response spend(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull SpendRequest request) {
        UUID me = access.me();
        return idempotency.execute(key, SPEND, new SpendCommand(me, request), () -> {
            SpendResult result = accounts.spend(me, request);
            return Response.created(URI.create("/api/v1/me/loyalty/transactions/" + result.transactionId()))
                    .entity(result).build();
        });
    }
}
