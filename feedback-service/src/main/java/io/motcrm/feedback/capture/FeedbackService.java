package io.motcrm.feedback.capture;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.motcrm.feedback.FeedbackConfig;
import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.platform.web.PageCursor;
import io.motcrm.feedback.cases.CaseService;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.feedback.stream.MotEvent;
import io.motcrm.feedback.stream.MotEvents;
import io.motcrm.feedback.stream.MotPayload;
import io.motcrm.feedback.touchpoint.Touchpoint;
import io.motcrm.platform.problem.ProblemException;

/** Records feedback from any route; a complaint or a detractor score opens a case in the same transaction. */
@ApplicationScoped
public class FeedbackService {

    @Inject
    Clock clock;

    @Inject
    FeedbackConfig config;

    @Inject
    CaseService cases;

    @Inject
    MotEvents events;

    @Inject
    EntityManager entityManager;

    @Transactional
    public FeedbackView submit(Submission submission) {
        String text = submission.text() == null || submission.text().isBlank() ? null : submission.text().strip();
        if (text != null && text.length() > config.textMaxLength()) {
            throw new ProblemException(FeedbackProblem.TEXT_TOO_LONG,
                    "The text may have at most " + config.textMaxLength() + " characters")
                    .with("maxLength", config.textMaxLength());
        }
        if (text == null && submission.csat() == null && submission.nps() == null && submission.ces() == null) {
            throw new ProblemException(FeedbackProblem.NO_SCORE_OR_TEXT, "Give a CSAT, NPS or CES score, or a text");
        }
        Touchpoint touchpoint = Touchpoint.byCode(submission.touchpointCode());
        if (!touchpoint.active) {
            throw new ProblemException(FeedbackProblem.TOUCHPOINT_INACTIVE,
                    "Touchpoint '" + touchpoint.code + "' is retired");
        }
        Feedback feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.type = submission.type();
        feedback.csat = submission.csat();
        feedback.nps = submission.nps();
        feedback.ces = submission.ces();
        feedback.text = text;
        feedback.touchpointId = touchpoint.id;
        feedback.channel = submission.channel() == null ? touchpoint.channel : submission.channel();
        feedback.customerId = submission.customerId();
        feedback.source = submission.source();
        feedback.submittedBy = submission.submittedBy();
        feedback.submittedAt = clock.instant();
        if (feedback.type == FeedbackType.SUGGESTION) {
            feedback.suggestionStatus = SuggestionStatus.RECEIVED;
            feedback.suggestionUpdatedAt = feedback.submittedAt;
        }
        feedback.persist();

        events.record(MotEvent.Kind.FEEDBACK_RECEIVED, touchpoint.team, new MotPayload.FeedbackReceived(feedback.id,
                feedback.type, touchpoint.code, feedback.channel, feedback.csat, feedback.nps, feedback.ces));

        UUID caseId = null;
        if (feedback.opensCase()) {
            caseId = cases.openFor(feedback, touchpoint).id;
        }
        return view(feedback, touchpoint.code, caseId);
    }

    /** Sets the public status of a suggestion and the company's answer to it. */
    @Transactional
    public FeedbackView answerSuggestion(UUID feedbackId, SuggestionUpdate update) {
        Feedback feedback = find(feedbackId);
        if (feedback.type != FeedbackType.SUGGESTION) {
            throw new ProblemException(FeedbackProblem.NOT_A_SUGGESTION, "This feedback is a " + feedback.type);
        }
        feedback.suggestionStatus = update.status();
        if (update.response() != null) {
            feedback.suggestionResponse = update.response().isBlank() ? null : update.response().strip();
        }
        feedback.suggestionUpdatedAt = clock.instant();
        return views(List.of(feedback)).get(0);
    }

    public static Feedback find(UUID id) {
        Feedback feedback = Feedback.findById(id);
        if (feedback == null) {
            throw new ProblemException(FeedbackProblem.FEEDBACK_NOT_FOUND, "No feedback has the id " + id);
        }
        return feedback;
    }

    /** One page of feedback matching {@code filter}, newest first, after {@code after}. */
    public FeedbackPage page(FeedbackPage.Filter filter, PageCursor after, int limit) {
        List<Feedback> found = FeedbackPage.find(filter, after, limit);
        return FeedbackPage.of(found, limit, views(found.subList(0, Math.min(limit, found.size()))));
    }

    /** The customers whose feedback is on the page (each once; anonymous feedback has none). */
    public Set<UUID> customersOf(FeedbackPage page) {
        if (page.items().isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(entityManager.createQuery(
                "select distinct f.customerId from Feedback f where f.id in :ids and f.customerId is not null", UUID.class)
                .setParameter("ids", page.items().stream().map(FeedbackView::id).toList()).getResultList());
    }

    /** Views of several feedbacks, with their touchpoint codes and case ids read in two queries. */
    public List<FeedbackView> views(List<Feedback> feedbacks) {
        if (feedbacks.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> codes = touchpointCodes(feedbacks.stream().map(f -> f.touchpointId).distinct().toList());
        Map<UUID, UUID> caseIds = new HashMap<>();
        List<Object[]> rows = entityManager.createQuery(
                "select c.feedbackId, c.id from SupportCase c where c.feedbackId in :ids", Object[].class)
                .setParameter("ids", feedbacks.stream().map(f -> f.id).toList())
                .getResultList();
        rows.forEach(row -> caseIds.put((UUID) row[0], (UUID) row[1]));
        return feedbacks.stream().map(f -> view(f, codes.get(f.touchpointId), caseIds.get(f.id))).toList();
    }

    public static Map<UUID, String> touchpointCodes(Collection<UUID> ids) {
        Map<UUID, String> codes = new HashMap<>();
        if (!ids.isEmpty()) {
            Touchpoint.<Touchpoint>list("id in ?1", ids).forEach(t -> codes.put(t.id, t.code));
        }
        return codes;
    }

    static FeedbackView view(Feedback f, String touchpointCode, UUID caseId) {
        FeedbackView.Suggestion suggestion = f.suggestionStatus == null ? null
                : new FeedbackView.Suggestion(f.suggestionStatus, f.suggestionResponse, f.suggestionUpdatedAt);
        return new FeedbackView(f.id, f.type, f.csat, f.nps, f.ces, f.text, touchpointCode, f.channel, f.source,
                f.submittedAt, caseId, suggestion);
    }

    /** For {@link SupportCase} views that show the feedback a case came from. */
    public static String touchpointCode(UUID touchpointId) {
        Touchpoint touchpoint = Touchpoint.findById(touchpointId);
        return touchpoint == null ? null : touchpoint.code;
    }
}
