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

/**
 * The full insight recomputation on demand, under the customers' prefix so that the gateway routes it
 * (it never forwards {@code /admin}). A literal segment, so no customer id is ever read as "insight".
 */
@Path("/api/v1/customers/insight")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operator")
public class InsightRecomputeResource {

    @Inject
    Insights insights;

    @POST
    @Path("/recompute")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "recomputeCustomerInsights",
            summary = "Recompute every active customer's insight now, RFM ranking included",
            description = "Does what the scheduled job (motcrm.insight.schedule) does, in one transaction, and "
                    + "answers when it is done. Safe to repeat: a repeat recomputes from the same purchases and "
                    + "gives the same scores; no Idempotency-Key is needed. While another recomputation runs (the "
                    + "job, another replica, or a purchase re-ranking a young system) the answer is 409.")
    @APIResponse(responseCode = "200", description = "How many customers were computed, how long it took, and as of when",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Insights.Recomputed.class)))
    @APIResponse(responseCode = "403", description = "`forbidden`: only admins recompute")
    @APIResponse(responseCode = "409", description = "`conflict`: another recomputation is running; try again when it ends")
    public Insights.Recomputed recompute() {
        Insights.Recomputed result = insights.recomputeAll();
        if (result == null) {
            throw new ProblemException(CommonProblem.CONFLICT, "A recomputation is running; try again when it ends");
        }
        return result;
    }
}
