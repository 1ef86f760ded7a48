package io.motcrm.feedback.capture;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import io.motcrm.platform.web.PageCursor;
import io.motcrm.feedback.cases.CaseStatus;
import io.motcrm.feedback.privacy.StaffAccess;
import io.motcrm.feedback.touchpoint.Touchpoint;
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
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "searchFeedback", summary = "Search feedback, newest first: by type, touchpoint, suggestion "
            + "or case status, period and text",
            description = "For triage (\"you said, we did\"). " + PageCursor.PAGING + " Reading customers' feedback "
                    + "this way is a staff read of their data: X-Access-Purpose is required, and each page records one "
                    + "entry (section `feedback`, the stated purpose) in the access log of every customer whose feedback "
                    + "it returns (anonymous feedback records nothing). `text` matches case-insensitively anywhere in the "
                    + "text; `from` and `to` are ISO-8601 instants (`to` exclusive).")
    @APIResponse(responseCode = "200", description = "One page of feedback")
    @APIResponse(responseCode = "400", description = "`access-purpose-required`: X-Access-Purpose is missing, blank or "
            + "longer than " + StaffReads.MAX_PURPOSE_LENGTH + " characters; `invalid-period`: from or to is not an "
            + "ISO-8601 instant, or from is not before to; " + PageCursor.INVALID)
    public FeedbackPage search(@QueryParam("type") FeedbackType type,
            @Parameter(description = "A touchpoint's code") @QueryParam("touchpoint") @Size(max = 64) String touchpoint,
            @Parameter(description = "A suggestion's public status") @QueryParam("status") SuggestionStatus status,
            @Parameter(description = "The status of the case the feedback opened") @QueryParam("caseStatus") CaseStatus caseStatus,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @Parameter(description = "Words the text contains (case-insensitive)") @QueryParam("text") @Size(max = 200) String text,
            @Parameter(description = PageCursor.AFTER_DESCRIPTION) @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = StaffReads.PURPOSE_DESCRIPTION, required = true) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        staffReads.requirePurpose(purpose);
        Instant start = from == null ? null : instant("from", from);
        Instant end = to == null ? null : instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new ProblemException(FeedbackProblem.INVALID_PERIOD, "'from' must be before 'to'");
        }
        PageCursor cursor = PageCursor.parse(after);
        UUID touchpointId = null;
        if (touchpoint != null) {
            Optional<Touchpoint> found = Touchpoint.findByCode(touchpoint);
            if (found.isEmpty()) {
                return new FeedbackPage(List.of(), null);
            }
            touchpointId = found.get().id;
        }
        FeedbackPage.Filter filter = new FeedbackPage.Filter(null, type, touchpointId, status, caseStatus, start, end,
                text == null || text.isBlank() ? null : text.strip());
        FeedbackPage page = feedback.page(filter, cursor, limit);
        feedback.customersOf(page).forEach(customer -> staffReads.record(customer, StaffAccess.FEEDBACK, purpose));
        return page;
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(FeedbackProblem.INVALID_PERIOD, "'" + name + "' must be an ISO-8601 instant, e.g. "
                    + "2026-05-01T00:00:00Z");
        }
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
