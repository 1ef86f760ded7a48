package io.motcrm.feedback.retention;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.motcrm.feedback.FeedbackConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Removes personal data past its retention ({@link RetentionConfig}). */
@ApplicationScoped
public class RetentionJob {

    /** The cases whose texts are past retention: closed, or resolved with the reopen window passed, before the cutoff. */
    private static final String CASES_PAST = """
            select id from support_case
            where status in ('RESOLVED', 'CLOSED')
              and coalesce(closed_at, resolved_at + make_interval(secs => :reopen)) < :cutoff""";

    /** What one run removed. */
    public record Purged(int feedbackTexts, int noteTexts, int actionTexts, int historyTexts, int caseSnapshots,
            int motEvents) {

        boolean any() {
            return feedbackTexts + noteTexts + actionTexts + historyTexts + caseSnapshots + motEvents > 0;
        }
    }

    @Inject
    RetentionConfig config;

    @Inject
    FeedbackConfig feedbackConfig;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Scheduled(identity = "feedback-retention", every = "${motcrm.retention.purge-every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Purged purged = purge(clock.instant());
        if (purged.any()) {
            Log.infof("Retention purge: %d feedback texts, %d case notes, %d action texts, %d history texts, "
                    + "%d case snapshots, %d stream events", purged.feedbackTexts(), purged.noteTexts(),
                    purged.actionTexts(), purged.historyTexts(), purged.caseSnapshots(), purged.motEvents());
        }
    }

    /** Removes what is past retention at {@code now}. */
    @Transactional
    public Purged purge(Instant now) {
        Instant cutoff = now.minus(config.feedbackTexts());
        long reopen = feedbackConfig.cases().reopenWindow().toSeconds();
        int notes = pastCases("""
                update case_note set text = null, redacted = true
                where text is not null and case_id in (%s)""", cutoff, reopen);
        int actions = pastCases("""
                update case_action set note = null, decision_reason = null
                where (note is not null or decision_reason is not null) and case_id in (%s)""", cutoff, reopen);
        int history = pastCases("""
                update case_history set detail = null
                where detail is not null and case_id in (%s)""", cutoff, reopen);
        int snapshots = pastCases("""
                update support_case set recovery_token_hash = null, lifecycle_stage = null, lifetime_value_minor = null
                where (recovery_token_hash is not null or lifecycle_stage is not null or lifetime_value_minor is not null)
                  and id in (%s)""", cutoff, reopen);
        int feedback = pastCases("""
                update feedback f set text = null, suggestion_response = null, redacted = true
                where (f.text is not null or f.suggestion_response is not null)
                  and (f.id in (select feedback_id from support_case where id in (%s))
                       or (not exists (select 1 from support_case c where c.feedback_id = f.id)
                           and coalesce(f.suggestion_updated_at, f.submitted_at) < :cutoff))""", cutoff, reopen);
        int events = entityManager.createNativeQuery("delete from mot_event where at < :before")
                .setParameter("before", now.minus(config.motEvents())).executeUpdate();
        return new Purged(feedback, notes, actions, history, snapshots, events);
    }

    private int pastCases(String sql, Instant cutoff, long reopenSeconds) {
        return entityManager.createNativeQuery(sql.formatted(CASES_PAST))
                .setParameter("cutoff", cutoff).setParameter("reopen", reopenSeconds).executeUpdate();
    }
}
