package io.motcrm.feedback.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.feedback.capture.Feedback;
import io.motcrm.feedback.capture.FeedbackService;
import io.motcrm.feedback.capture.FeedbackType;
import io.motcrm.feedback.capture.FeedbackView;
import io.motcrm.feedback.cases.CaseService;
import io.motcrm.feedback.cases.CaseStatus;
import io.motcrm.feedback.cases.Priority;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/** What the gateway reads for the customer 360 and the privacy export (docs/contracts.md). */
@Path("/api/v1/feedback/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer feedback")
public class CustomerFeedbackResource {

    static final int RECENT = 10;

    @Inject
    Caller caller;

    @Inject
    FeedbackService feedback;

    @Inject
    CaseService cases;

    public record OpenCase(UUID id, CaseStatus status, Priority priority, String ownerName, Instant openedAt) {
    }

    public record RecentFeedback(UUID id, FeedbackType type, Integer nps, Integer csat, String touchpointCode, Instant submittedAt) {
    }

    public record Nps(Double score, long responses) {
    }

    public record Summary(List<OpenCase> openCases, List<RecentFeedback> recentFeedback, Nps nps) {
    }

    public record Export(UUID customerId, List<FeedbackView> feedback, List<Object> cases) {
    }

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Open cases, recent feedback and the customer's own NPS, for the customer 360")
    public Summary summary(@PathParam("id") UUID customerId) {
        authorize(customerId);
        List<SupportCase> open = SupportCase.list("customerId = ?1 and status not in ?2 order by openedAt desc", customerId,
                List.of(CaseStatus.RESOLVED, CaseStatus.CLOSED));
        List<Feedback> recent = Feedback.ofCustomer(customerId, RECENT);
        var codes = FeedbackService.touchpointCodes(recent.stream().map(f -> f.touchpointId).distinct().toList());
        Object[] nps = (Object[]) Feedback.getEntityManager().createQuery("""
                select count(f.nps), sum(case when f.nps >= 9 then 1 else 0 end), sum(case when f.nps <= 6 then 1 else 0 end)
                from Feedback f where f.customerId = ?1 and f.nps is not null""").setParameter(1, customerId).getSingleResult();
        long responses = ((Number) nps[0]).longValue();
        Double score = responses == 0 ? null
                : Math.round(1000.0 * (((Number) nps[1]).longValue() - ((Number) nps[2]).longValue()) / responses) / 10.0;
        return new Summary(
                open.stream().map(c -> new OpenCase(c.id, c.status, c.priority, c.ownerName, c.openedAt)).toList(),
                recent.stream().map(f -> new RecentFeedback(f.id, f.type, f.nps, f.csat, codes.get(f.touchpointId), f.submittedAt)).toList(),
                new Nps(score, responses));
    }

    @GET
    @Path("/export")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Everything feedback-service holds about the customer: feedback and cases (a customer sees the customer-visible part)")
    public Export export(@PathParam("id") UUID customerId) {
        authorize(customerId);
        List<Feedback> all = Feedback.list("customerId = ?1 order by submittedAt", customerId);
        List<SupportCase> owned = SupportCase.list("customerId = ?1 order by openedAt", customerId);
        List<Object> caseViews = owned.stream()
                .map(c -> caller.isStaff() ? (Object) cases.staffView(c) : cases.customerView(c)).toList();
        return new Export(customerId, feedback.views(all), caseViews);
    }

    private void authorize(UUID customerId) {
        if (!caller.isStaff() && !caller.isCustomer(customerId)) {
            throw new ProblemException(CommonProblem.NOT_FOUND, "No such customer");
        }
    }
}
