package io.motcrm.customer.recommendation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.security.Roles;

/** The signed-in customer's own recommendations, the id taken from the token: the twin of {@link RecommendationResource}. */
@Path("/api/v1/me/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer app")
public class MyRecommendationResource {

    @Inject
    Recommendations recommendations;

    @Inject
    CallerAccess access;

    @GET
    @Operation(operationId = "listMyRecommendations", summary = "Items often bought with mine, which I have not bought",
            description = RecommendationResource.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The recommendations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Recommendations.RecommendationList.class)))
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = ApiProblems.MY_PROFILE_NOT_FOUND)
    public Recommendations.RecommendationList get(
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(Recommendations.MAX_LIMIT) int limit) {
        return recommendations.forCustomer(access.me(), limit);
    }
}
