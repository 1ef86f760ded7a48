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
import io.motcrm.platform.openapi.ProblemDocumentation;
import io.motcrm.platform.security.Roles;
import io.motcrm.loyalty.earn.EarnQuote;
import io.motcrm.loyalty.earn.EarnQuoteRequest;
import io.motcrm.loyalty.earn.Earnings;
import io.motcrm.loyalty.redemption.CodeIssued;
import io.motcrm.loyalty.redemption.CodeRequest;
import io.motcrm.loyalty.redemption.Redemptions;
import io.motcrm.loyalty.tier.TierStatus;
import io.motcrm.loyalty.tier.TierStatusReader;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.StaffReads;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's points by customer id: balance, statement, expiring points, tier, spending, redemption codes.
 * Staff reach every customer; a customer only their own id (another id is a 404). The signed-in customer's
 * app uses the same operations under {@code /api/v1/me/loyalty} ({@link MyPointsResource}). Every staff read
 * states its purpose in {@value StaffReads#PURPOSE_HEADER} and is recorded in the customer's access log
 * (sections {@value #POINTS} and {@value #EXPORT}); a customer reading their own is not.
 */
@Path("/api/v1/loyalty/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerPointsResource {

    public static final int MAX_PAGE_SIZE = 100;

    static final String JSON = MediaType.APPLICATION_JSON;
    static final String NO_ACCOUNT = "`account-not-found`: the customer has no points account";
    static final String NOT_OWN = "`not-found`: a customer's token with another customer's id";
    /** The 400 of a read staff must state a purpose for. */
    static final String PURPOSE_REQUIRED = "`access-purpose-required`: staff without a purpose in X-Access-Purpose "
            + "(1 to 200 characters)";
    /** The statement's paging: by cursor, or by page number as before. */
    static final String PAGE = "Page number (offset paging, kept for existing clients; prefer `after`); not with `after`";
    static final String SIZE = "Page size (1..100, default 20); `limit` wins when both are sent";
    static final String STATEMENT_PAGING = "`invalid-cursor`: `after` is not a cursor this statement gave out, or is "
            + "sent with a page other than 0; `validation-failed`: `limit`, `page` or `size` out of range";
    /** Access-log sections of the reads here. */
    static final String POINTS = "points";
    static final String EXPORT = "export";
    static final String SPEND_REFUSED = "`insufficient-points`: fewer available points than asked (members available and "
            + "requested; a closed account has none)";

    /** Idempotency operation names, shared with the /me twins: a retry through either route replays the first answer. */
    static final String SPEND = "points.spend";
    static final String ISSUE_CODE = "redemption.code";

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

    @Inject
    StaffReads staffReads;

    @GET
    @Path("/balance")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getPointsBalance", summary = "Points balance: available = posted - locked; held points have left posted")
    @APIResponse(responseCode = "200", description = "The balance now",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Balance.class),
                    examples = @ExampleObject(name = "balance", value = ApiExamples.BALANCE)))
    @APIResponse(responseCode = "400", description = PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT + "; " + NOT_OWN)
    public Balance balance(@PathParam("customerId") UUID customerId, @Parameter(description = StaffReads.PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        access.requireAccessTo(customerId);
        staffReads.requirePurpose(purpose);
        Balance balance = accounts.balance(customerId);
        staffReads.record(customerId, POINTS, purpose);
        return balance;
    }

    @GET
    @Path("/statement")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getPointsStatement", summary = "Transactions on the account, newest first, a page at a time",
            description = "Page with `after` = the previous page's `nextCursor` and `limit`: stable while new "
                    + "transactions arrive. `page`/`size` (offset paging) still work.")
    @APIResponse(responseCode = "200", description = "One page of the statement",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Statement.class),
                    examples = @ExampleObject(name = "statement", value = ApiExamples.STATEMENT)))
    @APIResponse(responseCode = "400", description = PURPOSE_REQUIRED + "; " + STATEMENT_PAGING)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT + "; " + NOT_OWN)
    public Statement statement(@PathParam("customerId") UUID customerId,
            @Parameter(description = Cursors.AFTER) @QueryParam("after") String after,
            @Parameter(description = Cursors.LIMIT) @QueryParam("limit") @Min(1) @Max(MAX_PAGE_SIZE) Integer limit,
            @Parameter(description = PAGE, deprecated = true) @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @Parameter(description = SIZE, deprecated = true) @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @Parameter(description = StaffReads.PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        access.requireAccessTo(customerId);
        staffReads.requirePurpose(purpose);
        Statement statement = accounts.statement(customerId, page, limit == null ? size : limit, after);
        staffReads.record(customerId, POINTS, purpose);
        return statement;
    }

    @GET
    @Path("/transactions/{transactionId}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getPointsTransaction", summary = "One transaction as it touched the account")
    @APIResponse(responseCode = "200", description = "The transaction's entry on this account",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = StatementLine.class)))
    @APIResponse(responseCode = "404", description = NO_ACCOUNT + "; `transaction-not-found`: the transaction is not on "
            + "this account; " + NOT_OWN)
    @APIResponse(responseCode = "400", description = PURPOSE_REQUIRED)
    public StatementLine transaction(@PathParam("customerId") UUID customerId,
            @PathParam("transactionId") long transactionId, @Parameter(description = StaffReads.PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        access.requireAccessTo(customerId);
        staffReads.requirePurpose(purpose);
        StatementLine line = accounts.transaction(customerId, transactionId);
        staffReads.record(customerId, POINTS, purpose);
        return line;
    }

    @GET
    @Path("/expiring-points")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "listExpiringPoints", summary = "Points expiring within the given number of days, lot by lot")
    @APIResponse(responseCode = "200", description = "The expiring lots, soonest first",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ExpiringPoints.class)))
    @APIResponse(responseCode = "400", description = PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT + "; " + NOT_OWN)
    public ExpiringPoints expiring(@PathParam("customerId") UUID customerId,
            @QueryParam("withinDays") @DefaultValue("30") @Min(1) @Max(731) int withinDays, @Parameter(description = StaffReads.PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        access.requireAccessTo(customerId);
        staffReads.requirePurpose(purpose);
        ExpiringPoints expiring = accounts.expiring(customerId, withinDays);
        staffReads.record(customerId, POINTS, purpose);
        return expiring;
    }

    @POST
    @Path("/redemption-codes")
    @RolesAllowed(Roles.CUSTOMER)
    @Tag(name = "Customer app")
    @Operation(operationId = "issueRedemptionCode", deprecated = true,
            summary = "A short-lived one-time code to redeem points at a partner; use issueMyRedemptionCode",
            description = "Only the customer themselves. A partner holds points with the code once, before `expiresAt`.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, schema = @Schema(implementation = CodeRequest.class),
            examples = @ExampleObject(name = "capped", value = ApiExamples.CODE_REQUEST)))
    @APIResponse(responseCode = "201", description = "The code",
            extensions = @Extension(name = ProblemDocumentation.NO_LOCATION, value = "A one-time code is listed with "
                    + "the customer's others (listMyRedemptionCodes), not read one by one"),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CodeIssued.class),
                    examples = @ExampleObject(name = "code", value = ApiExamples.CODE_ISSUED)))
    @APIResponse(responseCode = "404", description = NO_ACCOUNT + "; `not-found`: another customer's id")
    @APIResponse(responseCode = "422", description = "`account-closed`: the points account is closed")
    public Response redemptionCode(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid CodeRequest request) {
        access.requireCustomer(customerId);
        CodeRequest body = request == null ? new CodeRequest(null) : request;
        // A code is not a resource to read back (it would sit in URLs and logs): no Location.
        return idempotency.execute(key, ISSUE_CODE, new CodeCommand(customerId, body),
                () -> Response.status(Response.Status.CREATED).entity(redemptions.issueCode(customerId, body)).build());
    }

    @POST
    @Path("/earn-quote")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "quotePurchaseEarn",
            summary = "Dry run: what a purchase would earn now (tier, first-purchase bonus, daily limit); books nothing")
    @APIResponse(responseCode = "200", description = "What the purchase would earn",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = EarnQuote.class)))
    @APIResponse(responseCode = "400", description = PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT + "; " + NOT_OWN)
    public EarnQuote earnQuote(@PathParam("customerId") UUID customerId, @Parameter(description = StaffReads.PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose,
            @Valid @NotNull EarnQuoteRequest request) {
        access.requireAccessTo(customerId);
        staffReads.requirePurpose(purpose);
        EarnQuote quote = earnings.dryRun(customerId, request);
        staffReads.record(customerId, POINTS, purpose);
        return quote;
    }

    @GET
    @Path("/tier")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getLoyaltyTier", summary = "The customer's tier, qualifying points over the last 12 months and tier history")
    @APIResponse(responseCode = "200", description = "The tier",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TierStatus.class)))
    @APIResponse(responseCode = "400", description = PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT + "; " + NOT_OWN)
    public TierStatus tier(@PathParam("customerId") UUID customerId, @Parameter(description = StaffReads.PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        access.requireAccessTo(customerId);
        staffReads.requirePurpose(purpose);
        TierStatus tier = tierStatus.of(accounts.account(customerId));
        staffReads.record(customerId, POINTS, purpose);
        return tier;
    }

    @GET
    @Path("/export")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "exportLoyaltyData", summary = "Everything loyalty-service holds about the customer")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CustomerExport.class)))
    @APIResponse(responseCode = "400", description = PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = NO_ACCOUNT + "; " + NOT_OWN)
    public CustomerExport export(@PathParam("customerId") UUID customerId, @Parameter(description = StaffReads.PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        access.requireAccessTo(customerId);
        staffReads.requirePurpose(purpose);
        CustomerExport export = exports.export(customerId);
        staffReads.record(customerId, EXPORT, purpose);
        return export;
    }

    @POST
    @Path("/spends")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "spendPoints", summary = "Spend available points with the company, soonest-expiring first")
    @APIResponse(responseCode = "201", description = "Spent; Location is the transaction on the account",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = SpendResult.class)))
    @APIResponse(responseCode = "404", description = NO_ACCOUNT + "; " + NOT_OWN)
    @APIResponse(responseCode = "409", description = "`reference-used`: points were already spent with this reference")
    @APIResponse(responseCode = "422", description = SPEND_REFUSED)
    public Response spend(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull SpendRequest request) {
        access.requireAccessTo(customerId);
        return idempotency.execute(key, SPEND, new SpendCommand(customerId, request), () -> {
            SpendResult result = accounts.spend(customerId, request);
            return Response.created(URI.create("/api/v1/loyalty/customers/" + customerId + "/transactions/"
                    + result.transactionId())).entity(result).build();
        });
    }
}
