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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's purchases. Ordering systems (role {@code service}) and staff record purchases and
 * returns; the customer and staff (with a purpose) read the history.
 */
@Path("/api/v1/customers/{customerId}/purchases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purchases")
public class PurchaseResource {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    Purchases purchases;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @RegisterForReflection
    record RecordCommand(UUID customerId, PurchaseRequest request) {
    }

    @RegisterForReflection
    record ReturnCommand(UUID customerId, UUID purchaseId, ReturnRequest request) {
    }

    @POST
    @RolesAllowed({ Roles.SERVICE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Record a purchase (requires an Idempotency-Key)",
            description = "The source's order id identifies the purchase: the first request records it (201), a "
                    + "repeat with the same contents answers 200 with the same purchase, other contents 409 "
                    + "purchase-conflict. Sends purchase-recorded to loyalty-service and, on the customer's first "
                    + "purchase, referral-completed when they were referred.")
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
    @Operation(summary = "Record a return against a purchase (requires an Idempotency-Key)",
            description = "With lines, returns those quantities; with none, everything not yet returned. More than "
                    + "was bought is 409 return-exceeds-purchase. Sends purchase-returned to loyalty-service.")
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
    @Operation(summary = "A customer's purchases, newest first, with lines and returns")
    public PurchaseView.Page history(@PathParam("customerId") UUID customerId,
            @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        access.requireProfileAccess(customerId, purpose);
        return purchases.history(customerId, page, size);
    }

    @GET
    @Path("/{purchaseId}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "One purchase")
    public PurchaseView get(@PathParam("customerId") UUID customerId, @PathParam("purchaseId") UUID purchaseId,
            @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose) {
        access.requireProfileAccess(customerId, purpose);
        return purchases.get(customerId, purchaseId);
    }

    private static URI location(UUID customerId, UUID purchaseId) {
        return URI.create("/api/v1/customers/" + customerId + "/purchases/" + purchaseId);
    }
}
