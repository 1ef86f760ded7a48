package io.motcrm.customer.purchase;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiExamples;
import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.web.PageCursor;
import io.motcrm.customer.privacy.Disclosure;
import io.motcrm.customer.privacy.ProfileAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's purchases. Ordering systems (role {@code service}) and staff record purchases and
 * returns; the customer and staff (with a purpose) read the history, the customer's app under
 * {@code /api/v1/me/purchases} ({@link MyPurchaseResource}).
 */
@Path("/api/v1/customers/{customerId}/purchases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PurchaseResource {

    public static final int MAX_PAGE_SIZE = 100;
    static final String JSON = MediaType.APPLICATION_JSON;
    static final String STAFF_READ = "The customer's own, or any for staff with X-Access-Purpose; a staff read is "
            + "logged in the customer's access log (section purchases).";
    static final String PAGING = "Cursor-paged: up to 'limit' (1-100, default 20) purchases, then 'nextCursor' to pass "
            + "as 'after' for the next page; nextCursor is null on the last page.";
    static final String PURCHASE_NOT_FOUND = "`purchase-not-found`: no such purchase of this customer";

    @Inject
    Purchases purchases;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @Inject
    Disclosure disclosure;

    @RegisterForReflection
    record RecordCommand(UUID customerId, PurchaseRequest request) {
    }

    @RegisterForReflection
    record ReturnCommand(UUID customerId, UUID purchaseId, ReturnRequest request) {
    }

    @POST
    @RolesAllowed({ Roles.SERVICE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Internal")
    @Tag(name = "Staff")
    @Operation(operationId = "recordPurchase", summary = "Record a purchase",
            description = "Called by ordering systems (role service) and staff. The source's order id identifies "
                    + "the purchase: the first request records it (201), a repeat with the same contents answers 200 "
                    + "with the same purchase, other contents 409 purchase-conflict. Sends purchase-recorded to "
                    + "loyalty-service and, on the customer's first purchase, referral-completed when they were referred.")
    @RequestBody(content = @Content(mediaType = JSON, schema = @Schema(implementation = PurchaseRequest.class),
            examples = @ExampleObject(name = "web order", value = ApiExamples.PURCHASE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded; Location is the purchase",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PurchaseView.class),
                    examples = @ExampleObject(name = "purchase", value = ApiExamples.PURCHASE)))
    @APIResponse(responseCode = "200", description = "This order was recorded before with the same contents: that purchase",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PurchaseView.class),
                    examples = @ExampleObject(name = "purchase", value = ApiExamples.PURCHASE)))
    @APIResponse(responseCode = "400", description = "`purchase-in-future`: 'occurredAt' is more than 5 minutes ahead "
            + "(named in 'violations'); `amount-too-large`: the total does not fit in 64 bits")
    @APIResponse(responseCode = "404", description = "`customer-not-found`: no such customer")
    @APIResponse(responseCode = "409", description = ApiProblems.CUSTOMER_ERASED
            + "; `purchase-conflict`: this source's order id was recorded with other contents or for another customer")
    public Response record(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull PurchaseRequest request) {
        return idempotency.execute(key, "purchase.record", new RecordCommand(customerId, request), () -> {
            Purchases.Recorded recorded = purchases.record(customerId, request);
            if (!recorded.created()) {
                return Response.ok(recorded.purchase()).build();
            }
            return Response.created(location(customerId, recorded.purchase().id())).entity(recorded.purchase())
                    .build();
        });
    }

    @POST
    @Path("/{purchaseId}/returns")
    @RolesAllowed({ Roles.SERVICE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Internal")
    @Tag(name = "Staff")
    @Operation(operationId = "recordPurchaseReturn", summary = "Record a return against a purchase",
            description = "With lines, returns those quantities; with none (or no body), everything not yet returned. "
                    + "Sends purchase-returned to loyalty-service.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, schema = @Schema(implementation = ReturnRequest.class)))
    @APIResponse(responseCode = "201", description = "Recorded; the purchase with its returns, which Location names",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PurchaseView.class)))
    @APIResponse(responseCode = "400", description = "`unknown-purchase-line`: the purchase has no such line; "
            + "`duplicate-return-line`: a line is named twice; `amount-too-large`: the amount does not fit in 64 bits")
    @APIResponse(responseCode = "404", description = "`customer-not-found`: no such customer; " + PURCHASE_NOT_FOUND)
    @APIResponse(responseCode = "409", description = ApiProblems.CUSTOMER_ERASED
            + "; `return-exceeds-purchase`: more than is left to return (members 'lineNo', 'returnable'), or nothing left")
    public Response returnGoods(@PathParam("customerId") UUID customerId, @PathParam("purchaseId") UUID purchaseId,
            @HeaderParam(Idempotency.HEADER) String key, @Valid ReturnRequest request) {
        ReturnRequest body = request == null ? new ReturnRequest(null) : request;
        return idempotency.execute(key, "purchase.return", new ReturnCommand(customerId, purchaseId, body), () -> {
            PurchaseView view = purchases.returnGoods(customerId, purchaseId, body, access.name());
            return Response.status(Response.Status.CREATED).location(location(customerId, purchaseId)).entity(view)
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "listCustomerPurchases", summary = "A customer's purchases, newest first, with lines and returns",
            description = PAGING + " " + STAFF_READ)
    @APIResponse(responseCode = "200", description = "One page of purchases",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PurchaseView.Page.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED + "; " + PageCursor.INVALID)
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    public PurchaseView.Page history(@PathParam("customerId") UUID customerId,
            @Parameter(description = CallerAccess.PURPOSE_DESCRIPTION) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @Parameter(description = PageCursor.AFTER_DESCRIPTION) @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int limit) {
        access.requireProfileAccess(customerId, purpose);
        PurchaseView.Page found = purchases.history(customerId, after, limit);
        disclosure.recordRead(customerId, ProfileAccess.PURCHASES, purpose);
        return found;
    }

    @GET
    @Path("/{purchaseId}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getCustomerPurchase", summary = "One purchase of a customer, with lines and returns",
            description = STAFF_READ)
    @APIResponse(responseCode = "200", description = "The purchase",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PurchaseView.class),
                    examples = @ExampleObject(name = "purchase", value = ApiExamples.PURCHASE)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND + "; " + PURCHASE_NOT_FOUND)
    public PurchaseView get(@PathParam("customerId") UUID customerId, @PathParam("purchaseId") UUID purchaseId,
            @Parameter(description = CallerAccess.PURPOSE_DESCRIPTION) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose) {
        access.requireProfileAccess(customerId, purpose);
        PurchaseView found = purchases.get(customerId, purchaseId);
        disclosure.recordRead(customerId, ProfileAccess.PURCHASES, purpose);
        return found;
    }

    private static URI location(UUID customerId, UUID purchaseId) {
        return URI.create("/api/v1/customers/" + customerId + "/purchases/" + purchaseId);
    }
}
