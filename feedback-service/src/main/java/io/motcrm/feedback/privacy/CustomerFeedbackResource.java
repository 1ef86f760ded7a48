package io.motcrm.feedback.privacy;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/**
 * What the gateway reads for the customer 360 and the privacy export (docs/contracts.md), with the
 * caller's token. Staff state why in {@value StaffReads#PURPOSE_HEADER}, and each read reaches the
 * customer's access log. The signed-in customer's twins are under {@code /api/v1/me/feedback}.
 */
@Path("/api/v1/feedback/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff")
public class CustomerFeedbackResource {

    static final String NOT_OWN = "`not-found`: a customer asked for another customer";
    static final String PURPOSE_REQUIRED = "`access-purpose-required`: staff must send X-Access-Purpose (1 to "
            + StaffReads.MAX_PURPOSE_LENGTH + " characters)";

    @Inject
    Caller caller;

    @Inject
    CustomerRecords records;

    @Inject
    StaffReads staffReads;

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "getCustomerFeedbackSummary", summary = "Open cases, recent feedback and the customer's own NPS, "
            + "for the customer 360 (customers: see getMyFeedbackSummary)",
            description = "A staff read is recorded in the customer's access log (sections `cases` and `feedback`).")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "400", description = PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = NOT_OWN)
    public CustomerRecords.Summary summary(@PathParam("id") UUID customerId,
            @Parameter(description = StaffReads.PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        authorize(customerId, purpose);
        CustomerRecords.Summary summary = records.summary(customerId, caller.isStaff());
        staffReads.record(customerId, StaffAccess.CASES, purpose);
        staffReads.record(customerId, StaffAccess.FEEDBACK, purpose);
        return summary;
    }

    @GET
    @Path("/export")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "exportCustomerFeedback", summary = "Everything feedback-service holds about the customer: "
            + "feedback, and cases with their notes, actions and history (customers: see exportMyFeedback)",
            description = "A staff read is recorded in the customer's access log (section `export`).")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "400", description = PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = NOT_OWN)
    public CustomerRecords.Export export(@PathParam("id") UUID customerId,
            @Parameter(description = StaffReads.PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        authorize(customerId, purpose);
        CustomerRecords.Export export = records.export(customerId);
        staffReads.record(customerId, StaffAccess.EXPORT, purpose);
        return export;
    }

    private void authorize(UUID customerId, String purpose) {
        if (!caller.isStaff() && !caller.isCustomer(customerId)) {
            throw new ProblemException(CommonProblem.NOT_FOUND, "No such customer");
        }
        staffReads.requirePurpose(purpose);
    }
}
