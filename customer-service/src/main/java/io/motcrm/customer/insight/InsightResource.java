package io.motcrm.customer.insight;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

@Path("/api/v1/customers/{customerId}/insight")
@Produces(MediaType.APPLICATION_JSON)
public class InsightResource {

    @Inject
    Insights insights;

    @Inject
    CallerAccess access;

    @Inject
    Disclosure disclosure;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getCustomerInsight",
            summary = "A customer's RFM scores, lifecycle stage, top categories and lifetime value",
            description = "RFM: quintiles 1-5 (5 best) over active customers with a purchase; the customer's own "
                    + "scores are brought up to date with each purchase and return against the ranking of the last full "
                    + "recomputation, everyone's with the next one. Lifetime value: " + Insights.CLV_FORMULA + " Staff state why in "
                    + "X-Access-Purpose; the read is logged in the customer's access log (section insight).")
    @APIResponse(responseCode = "200", description = "The insight, computed now if it never was",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InsightView.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = "`customer-not-found`: no such customer, or the customer is erased")
    public InsightView get(@PathParam("customerId") UUID customerId,
            @Parameter(description = CallerAccess.PURPOSE_DESCRIPTION) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose) {
        access.requirePurpose(purpose);
        InsightView insight = insights.get(customerId);
        disclosure.recordRead(customerId, ProfileAccess.INSIGHT, purpose);
        return insight;
    }
}
