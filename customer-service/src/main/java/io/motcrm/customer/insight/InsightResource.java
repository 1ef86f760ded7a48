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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.security.Roles;

@Path("/api/v1/customers/{customerId}/insight")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Insight")
public class InsightResource {

    @Inject
    Insights insights;

    @Inject
    CallerAccess access;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "A customer's RFM scores, lifecycle stage, top categories and lifetime value (staff)",
            description = "RFM: quintiles 1-5 (5 best) over active customers with a purchase, from the last full "
                    + "recomputation. Lifetime value: " + Insights.CLV_FORMULA)
    public InsightView get(@PathParam("customerId") UUID customerId,
            @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose) {
        access.requirePurpose(purpose);
        return insights.get(customerId);
    }
}
