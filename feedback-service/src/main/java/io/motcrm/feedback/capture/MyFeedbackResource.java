package io.motcrm.feedback.capture;

import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.web.PageCursor;
import io.motcrm.feedback.privacy.CustomerRecords;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/** The signed-in customer's own feedback; the customer comes from the token. */
@Path("/api/v1/me/feedback")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer app")
public class MyFeedbackResource {

    private static final String NO_CUSTOMER = "`forbidden`: the token names no customer";

    @Inject
    Caller caller;

    @Inject
    FeedbackService feedback;

    @Inject
    CustomerRecords records;

    @GET
    @Operation(operationId = "listMyFeedback", summary = "The signed-in customer's own feedback, newest first, with "
            + "suggestion statuses and responses", description = PageCursor.PAGING)
    @APIResponse(responseCode = "200", description = "One page of the customer's feedback")
    @APIResponse(responseCode = "400", description = PageCursor.INVALID)
    @APIResponse(responseCode = "403", description = NO_CUSTOMER)
    public FeedbackPage list(@Parameter(description = PageCursor.AFTER_DESCRIPTION) @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID customer = caller.requireCustomerId();
        return feedback.page(FeedbackPage.Filter.ofCustomer(customer), PageCursor.parse(after), limit);
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "getMyFeedbackSummary", summary = "The signed-in customer's open cases, recent feedback and own NPS")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "403", description = NO_CUSTOMER)
    public CustomerRecords.Summary summary() {
        return records.summary(caller.requireCustomerId(), false);
    }

    @GET
    @Path("/export")
    @Operation(operationId = "exportMyFeedback", summary = "Everything feedback-service holds about the signed-in customer: "
            + "feedback, and cases with their notes, actions and history")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "403", description = NO_CUSTOMER)
    public CustomerRecords.Export export() {
        return records.export(caller.requireCustomerId());
    }

}
