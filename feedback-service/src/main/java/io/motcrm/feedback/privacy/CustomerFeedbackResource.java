package io.motcrm.feedback.privacy;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/**
 * What the gateway reads for the customer 360 and the privacy export (docs/contracts.md), with the
 * caller's token. The signed-in customer's twins are under {@code /api/v1/me/feedback}.
 */
@Path("/api/v1/feedback/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff")
public class CustomerFeedbackResource {

    static final String NOT_OWN = "`not-found`: a customer asked for another customer";

    @Inject
    Caller caller;

    @Inject
    CustomerRecords records;

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "getCustomerFeedbackSummary", summary = "Open cases, recent feedback and the customer's own NPS, "
            + "for the customer 360 (customers: see getMyFeedbackSummary)")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "404", description = NOT_OWN)
    public CustomerRecords.Summary summary(@PathParam("id") UUID customerId) {
        authorize(customerId);
        return records.summary(customerId);
    }

    @GET
    @Path("/export")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "exportCustomerFeedback", summary = "Everything feedback-service holds about the customer: "
            + "feedback and cases (a customer sees the customer-visible part; customers: see exportMyFeedback)")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "404", description = NOT_OWN)
    public CustomerRecords.Export export(@PathParam("id") UUID customerId) {
        authorize(customerId);
        return records.export(customerId, caller.isStaff());
    }

    private void authorize(UUID customerId) {
        if (!caller.isStaff() && !caller.isCustomer(customerId)) {
            throw new ProblemException(CommonProblem.NOT_FOUND, "No such customer");
        }
    }
}
