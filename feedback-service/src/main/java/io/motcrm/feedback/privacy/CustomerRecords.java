package io.motcrm.feedback.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.motcrm.feedback.capture.Feedback;
import io.motcrm.feedback.capture.FeedbackService;
import io.motcrm.feedback.capture.FeedbackType;
import io.motcrm.feedback.capture.FeedbackView;
import io.motcrm.feedback.cases.CaseHistory;
import io.motcrm.feedback.cases.CaseService;
import io.motcrm.feedback.cases.CaseStatus;
import io.motcrm.feedback.cases.CaseViews;
import io.motcrm.feedback.cases.Priority;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.feedback.team.StaffMember;

/** What feedback-service holds about one customer: the summary for the customer 360, and the privacy export. */
@ApplicationScoped
public class CustomerRecords {

    static final int RECENT = 10;

    @Inject
    FeedbackService feedback;

    @Inject
    CaseService cases;

    @Schema(name = "CustomerOpenCase")
    public record OpenCase(
            @Schema(required = true) UUID id,
            @Schema(required = true) CaseStatus status,
            @Schema(required = true) Priority priority,
            @Schema(description = "The display name of the person handling the case (never a login); null while it "
                    + "waits in its team's queue") String ownerName,
            @Schema(description = "Staff only: the owner's login (null in a customer's own summary)") String ownerLogin,
            @Schema(required = true) Instant openedAt) {
    }

    @Schema(name = "CustomerRecentFeedback")
    public record RecentFeedback(
            @Schema(required = true) UUID id,
            @Schema(required = true) FeedbackType type,
            Integer nps,
            Integer csat,
            @Schema(required = true) String touchpointCode,
            @Schema(required = true) Instant submittedAt) {
    }

    @Schema(name = "CustomerNps", description = "The customer's own NPS over all their answers (−100 to 100); null without answers")
    public record Nps(Double score, @Schema(required = true) long responses) {
    }

    @Schema(name = "CustomerFeedbackSummary", description = "Open cases, the 10 most recent feedback and the customer's own NPS")
    public record Summary(
            @Schema(required = true) List<OpenCase> openCases,
            @Schema(required = true) List<RecentFeedback> recentFeedback,
            @Schema(required = true) Nps nps) {
    }

    @Schema(name = "CustomerFeedbackExport", description = "Everything feedback-service holds about the customer, for "
            + "staff and the customer alike: every feedback with who entered it, and every case as staff see it (internal "
            + "notes, actions and their reasons included) with its history and the customer's value when it opened")
    public record Export(
            @Schema(required = true) UUID customerId,
            @Schema(required = true) List<ExportedFeedback> feedback,
            @Schema(required = true) List<ExportedCase> cases) {
    }

    @Schema(name = "CustomerFeedbackExportItem", description = "One feedback, and who entered it (the customer's user "
            + "name, an agent's, or `anonymous`)")
    public record ExportedFeedback(
            @Schema(required = true) FeedbackView details,
            @Schema(required = true) String submittedBy) {
    }

    @Schema(name = "CustomerCaseExportItem", description = "One case as staff see it, its whole history, and the "
            + "customer's lifecycle stage and lifetime value as read when it opened (null when unknown)")
    public record ExportedCase(
            @Schema(required = true) CaseViews.StaffCase details,
            @Schema(required = true) List<CaseHistory.View> history,
            String lifecycleStageAtOpening,
            Long lifetimeValueMinorAtOpening) {
    }

    /** The summary; {@code forStaff} adds the owners' logins to their display names. */
    public Summary summary(UUID customerId, boolean forStaff) {
        List<SupportCase> open = SupportCase.list("customerId = ?1 and status not in ?2 order by openedAt desc", customerId,
                List.of(CaseStatus.RESOLVED, CaseStatus.CLOSED));
        Map<String, String> names = StaffMember.displayNames(open.stream().map(c -> c.ownerName).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<Feedback> recent = Feedback.ofCustomer(customerId, RECENT);
        var codes = FeedbackService.touchpointCodes(recent.stream().map(f -> f.touchpointId).distinct().toList());
        Object[] nps = (Object[]) Feedback.getEntityManager().createQuery("""
                select count(f.nps), sum(case when f.nps >= 9 then 1 else 0 end), sum(case when f.nps <= 6 then 1 else 0 end)
                from Feedback f where f.customerId = ?1 and f.nps is not null""").setParameter(1, customerId).getSingleResult();
        long responses = ((Number) nps[0]).longValue();
        Double score = responses == 0 ? null
                : Math.round(1000.0 * (((Number) nps[1]).longValue() - ((Number) nps[2]).longValue()) / responses) / 10.0;
        return new Summary(
                open.stream().map(c -> new OpenCase(c.id, c.status, c.priority, names.get(c.ownerName),
                        forStaff ? c.ownerName : null, c.openedAt)).toList(),
                recent.stream().map(f -> new RecentFeedback(f.id, f.type, f.nps, f.csat, codes.get(f.touchpointId), f.submittedAt)).toList(),
                new Nps(score, responses));
    }

    /** Every personal value held about the customer: what the customer wrote, what staff wrote about them, and when. */
    public Export export(UUID customerId) {
        List<Feedback> all = Feedback.list("customerId = ?1 order by submittedAt", customerId);
        List<FeedbackView> views = feedback.views(all);
        List<ExportedFeedback> exported = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            exported.add(new ExportedFeedback(views.get(i), all.get(i).submittedBy));
        }
        List<SupportCase> owned = SupportCase.list("customerId = ?1 order by openedAt", customerId);
        List<ExportedCase> caseExports = owned.stream().map(c -> new ExportedCase(cases.staffView(c),
                CaseHistory.of(c.id).stream().map(CaseHistory::view).toList(), c.lifecycleStage, c.lifetimeValueMinor))
                .toList();
        return new Export(customerId, exported, caseExports);
    }
}
