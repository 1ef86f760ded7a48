package io.motcrm.feedback.capture;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.feedback.privacy.StaffAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/**
 * Feedback from signed-in customers and from agents on a customer's behalf. A customer's own list is
 * {@code GET /api/v1/me/feedback} ({@link MyFeedbackResource}).
 */
@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    FeedbackService feedback;

    @Inject
    StaffReads staffReads;

    @POST
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Customer app")
    @Tag(name = "Staff")
    @Operation(operationId = "submitFeedback", summary = "Submit feedback (Idempotency-Key required); a complaint or "
            + "detractor score opens a case",
            description = "A customer submits their own (the customer comes from the token); staff submit on a "
                    + "customer's behalf and name them in `customerId`. A COMPLAINT, an NPS of 6 or less or a CSAT of 2 "
                    + "or less opens a case, whose id is in `caseId`.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackRequest.class),
            examples = {
                    @ExampleObject(name = "customerComplaint", summary = "A customer's complaint (opens a case)",
                            value = "{\"type\": \"COMPLAINT\", \"touchpointCode\": \"store-gangnam\", \"channel\": \"STORE\", "
                                    + "\"nps\": 2, \"text\": \"The cashier ignored me for ten minutes.\"}"),
                    @ExampleObject(name = "agentOnBehalf", summary = "A suggestion an agent took on the phone",
                            value = "{\"type\": \"SUGGESTION\", \"touchpointCode\": \"store-gangnam\", \"channel\": \"CALL_CENTRE\", "
                                    + "\"text\": \"Open earlier on Sundays.\", "
                                    + "\"customerId\": \"2d1e0f9a-8b7c-4d6e-9f0a-1b2c3d4e5f6a\"}") }))
    @APIResponse(responseCode = "201", description = "Recorded; `caseId` is set when it opened a case. Location is the feedback",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackView.class),
                    examples = @ExampleObject(name = "complaintWithCase", value = """
                            {"id": "0b7e6d5c-4a3b-4c2d-9e1f-a0b1c2d3e4f5", "type": "COMPLAINT", "csat": null, "nps": 2, "ces": null,
                             "text": "The cashier ignored me for ten minutes.", "touchpointCode": "store-gangnam",
                             "channel": "STORE", "source": "CUSTOMER", "submittedAt": "2026-05-04T09:12:00Z",
                             "caseId": "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "suggestion": null}""")))
    @APIResponse(responseCode = "403", description = "`forbidden`: a customer token that names no customer")
    @APIResponse(responseCode = "404", description = "`touchpoint-not-found`: no touchpoint has this code; "
            + "`not-found`: a customer named another customer in `customerId`")
    @APIResponse(responseCode = "422", description = "`customer-required`: staff must name the customer; "
            + "`no-score-or-text`: give a score or a text; `text-too-long`: the text is longer than the configured limit "
            + "(`maxLength`); `touchpoint-inactive`: the touchpoint is retired")
    public Response submit(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull FeedbackRequest request) {
        UUID customerId;
        Source source;
        if (caller.isStaff()) {
            if (request.customerId() == null) {
                throw new ProblemException(FeedbackProblem.CUSTOMER_REQUIRED,
                        "Name the customer (customerId) whose feedback this is");
            }
            customerId = request.customerId();
            source = Source.AGENT;
        } else {
            customerId = ownCustomerId();
            if (request.customerId() != null && !request.customerId().equals(customerId)) {
                throw new ProblemException(CommonProblem.NOT_FOUND, "No such customer");
            }
            source = Source.CUSTOMER;
        }
        Submission submission = new Submission(request.type(), request.touchpointCode(), request.channel(),
                request.csat(), request.nps(), request.ces(), request.text(), customerId, source, caller.name());
        return idempotency.execute(key, "feedback.submit", request, () -> {
            FeedbackView view = feedback.submit(submission);
            return Response.created(URI.create("/api/v1/feedback/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Customer app")
    @Tag(name = "Staff")
    @Operation(operationId = "getFeedback", summary = "One feedback: staff read any, a customer only their own",
            description = "A staff read of a customer's feedback is recorded in the customer's access log (section `feedback`).")
    @APIResponse(responseCode = "200", description = "The feedback")
    @APIResponse(responseCode = "400", description = "`access-purpose-required`: X-Access-Purpose is longer than "
            + StaffReads.MAX_PURPOSE_LENGTH + " characters")
    @APIResponse(responseCode = "404", description = "`feedback-not-found`: no such feedback, or not the calling customer's own")
    public FeedbackView get(@PathParam("id") UUID id,
            @Parameter(description = StaffAccess.CASE_WORK_PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        Feedback found = FeedbackService.find(id);
        if (!caller.isStaff() && (found.customerId == null || !caller.isCustomer(found.customerId))) {
            throw new ProblemException(FeedbackProblem.FEEDBACK_NOT_FOUND, "No feedback has the id " + id);
        }
        FeedbackView view = feedback.views(List.of(found)).get(0);
        if (found.customerId != null) {
            staffReads.record(found.customerId, StaffAccess.FEEDBACK, StaffAccess.orCaseWork(purpose));
        }
        return view;
    }

    @PUT
    @Path("/{id}/suggestion")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "answerSuggestion", summary = "Set a suggestion's public status (received, planned, done, "
            + "declined) and response")
    @APIResponse(responseCode = "200", description = "The suggestion with its new status")
    @APIResponse(responseCode = "404", description = "`feedback-not-found`: no such feedback")
    @APIResponse(responseCode = "422", description = "`not-a-suggestion`: only suggestions carry a public status")
    public FeedbackView answerSuggestion(@PathParam("id") UUID id, @Valid @NotNull SuggestionUpdate update) {
        return feedback.answerSuggestion(id, update);
    }

    private UUID ownCustomerId() {
        return caller.customerId().orElseThrow(() -> new ProblemException(CommonProblem.FORBIDDEN,
                "The token names no customer"));
    }
}
