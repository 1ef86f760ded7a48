package io.motcrm.customer.recommendation;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.privacy.Disclosure;
import io.motcrm.customer.privacy.ProfileAccess;
import io.motcrm.platform.security.Roles;

/** Recommendations for a customer; the customer's app reads its own under {@code /api/v1/me/recommendations}. */
@Path("/api/v1/customers/{customerId}/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    static final String DESCRIPTION = "Ranked by the number of baskets shared with the customer's items. Empty "
            + "(personalized: false) unless the customer's personalization consent is granted.";

    @Inject
    Recommendations recommendations;

    @Inject
    CallerAccess access;

    @Inject
    Disclosure disclosure;

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "listCustomerRecommendations",
            summary = "Items often bought with the customer's purchases, which they have not bought",
            description = DESCRIPTION + " A staff read is logged in the customer's access log (section purchases).")
    @APIResponse(responseCode = "200", description = "The recommendations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Recommendations.RecommendationList.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    public Recommendations.RecommendationList get(@PathParam("customerId") UUID customerId,
            @Parameter(description = CallerAccess.PURPOSE_DESCRIPTION) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(Recommendations.MAX_LIMIT) int limit) {
        access.requireProfileAccess(customerId, purpose);
        Recommendations.RecommendationList found = recommendations.forCustomer(customerId, limit);
        // Drawn from the customer's purchases: a staff read of them.
        disclosure.recordRead(customerId, ProfileAccess.PURCHASES, purpose);
        return found;
    }
}
