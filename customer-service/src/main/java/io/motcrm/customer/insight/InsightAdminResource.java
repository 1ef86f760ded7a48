package io.motcrm.customer.insight;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;

@Path("/admin/insight")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operator")
public class InsightAdminResource {

    @Inject
    Insights insights;

    @POST
    @Path("/recompute")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "recomputeCustomerInsights",
            summary = "Recompute every active customer's insight now, RFM included",
            description = "The scheduled job (motcrm.insight.schedule) does the same.")
    @APIResponse(responseCode = "200", description = "How many customers were computed, and how long it took",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Insights.Recomputed.class)))
    @APIResponse(responseCode = "409", description = "`conflict`: another recomputation is running; try again when it ends")
    public Insights.Recomputed recompute() {
        Insights.Recomputed result = insights.recomputeAll();
        if (result == null) {
            throw new ProblemException(CommonProblem.CONFLICT, "A recomputation is running; try again when it ends");
        }
        return result;
    }
}
