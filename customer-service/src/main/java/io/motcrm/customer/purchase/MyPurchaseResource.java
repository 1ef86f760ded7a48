package io.motcrm.customer.purchase;

import static io.motcrm.customer.purchase.PurchaseResource.JSON;
import static io.motcrm.customer.purchase.PurchaseResource.MAX_PAGE_SIZE;
import static io.motcrm.customer.purchase.PurchaseResource.PURCHASE_NOT_FOUND;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiExamples;
import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.web.PageCursor;
import io.motcrm.platform.security.Roles;

/** The signed-in customer's own purchases, the id taken from the token: the twins of {@link PurchaseResource}'s reads. */
@Path("/api/v1/me/purchases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer app")
public class MyPurchaseResource {

    @Inject
    Purchases purchases;

    @Inject
    CallerAccess access;

    @GET
    @Operation(operationId = "listMyPurchases", summary = "My purchases, newest first, with lines and returns",
            description = PurchaseResource.PAGING)
    @APIResponse(responseCode = "200", description = "One page of purchases",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PurchaseView.Page.class)))
    @APIResponse(responseCode = "400", description = PageCursor.INVALID)
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = ApiProblems.MY_PROFILE_NOT_FOUND)
    public PurchaseView.Page history(
            @Parameter(description = PageCursor.AFTER_DESCRIPTION) @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int limit) {
        return purchases.history(access.me(), after, limit);
    }

    @GET
    @Path("/{purchaseId}")
    @Operation(operationId = "getMyPurchase", summary = "One of my purchases, with lines and returns")
    @APIResponse(responseCode = "200", description = "The purchase",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PurchaseView.class),
                    examples = @ExampleObject(name = "purchase", value = ApiExamples.PURCHASE)))
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = PURCHASE_NOT_FOUND)
    public PurchaseView get(@PathParam("purchaseId") UUID purchaseId) {
        return purchases.get(access.me(), purchaseId);
    }
}
