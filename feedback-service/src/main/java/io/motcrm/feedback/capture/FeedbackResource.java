package io.motcrm.feedback.capture;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/** Feedback from signed-in customers and from agents on a customer's behalf. */
@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback")
public class FeedbackResource {

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    FeedbackService feedback;

    @POST
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Submit feedback (Idempotency-Key required); a complaint or detractor score opens a case")
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
    @Path("/mine")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "The signed-in customer's own feedback, newest first, with suggestion statuses")
    public List<FeedbackView> mine(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return feedback.views(Feedback.ofCustomer(ownCustomerId(), limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "One feedback: staff read any, a customer only their own")
    public FeedbackView get(@PathParam("id") UUID id) {
        Feedback found = FeedbackService.find(id);
        if (!caller.isStaff() && (found.customerId == null || !caller.isCustomer(found.customerId))) {
            throw new ProblemException(FeedbackProblem.FEEDBACK_NOT_FOUND, "No feedback has the id " + id);
        }
        return feedback.views(List.of(found)).get(0);
    }

    @PUT
    @Path("/{id}/suggestion")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Set a suggestion's public status (received, planned, done, declined) and response")
    public FeedbackView answerSuggestion(@PathParam("id") UUID id, @Valid @NotNull SuggestionUpdate update) {
        return feedback.answerSuggestion(id, update);
    }

    private UUID ownCustomerId() {
        return caller.customerId().orElseThrow(() -> new ProblemException(CommonProblem.FORBIDDEN,
                "The token names no customer"));
    }
}
