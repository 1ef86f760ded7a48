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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.security.Roles;

@Path("/api/v1/customers/{customerId}/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class RecommendationResource {

    @Inject
    Recommendations recommendations;

    @Inject
    CallerAccess access;

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Items often bought with the customer's purchases, which they have not bought",
            description = "Ranked by the number of baskets shared with the customer's items. Empty "
                    + "(personalized: false) unless the customer's personalization consent is granted.")
    public Recommendations.RecommendationList get(@PathParam("customerId") UUID customerId,
            @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(Recommendations.MAX_LIMIT) int limit) {
        access.requireProfileAccess(customerId, purpose);
        return recommendations.forCustomer(customerId, limit);
    }
}
