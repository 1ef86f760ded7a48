package io.motcrm.feedback.privacy;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.logging.Log;

/**
 * Anonymises what feedback-service holds about an erased customer: feedback text redacted and the
 * customer link removed, scores kept for statistics; the customer's cases unlinked, their notes, action
 * notes and recovery links removed. Once per erasure id; a repeat answers with the first outcome.
 */
@ApplicationScoped
public class Erasures {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Schema(name = "FeedbackErasureOutcome", description = "What the erasure changed; `duplicate` when this erasure id "
            + "was applied before, with the first outcome's counts")
    public record Outcome(
            @Schema(required = true) UUID erasureId,
            @Schema(required = true) UUID customerId,
            @Schema(required = true) int feedbackRedacted,
            @Schema(required = true) int casesUnlinked,
            @Schema(required = true) boolean duplicate) {
    }

    @Transactional
    public Outcome erase(CustomerErased event) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "erasure:" + event.erasureId()).getSingleResult();
        Erasure done = Erasure.findById(event.erasureId());
        if (done != null) {
            return new Outcome(done.erasureId, done.customerId, done.feedbackRedacted, done.casesUnlinked, true);
        }
        UUID customer = event.customerId();
        entityManager.createNativeQuery("""
                update case_note set text = null, redacted = true
                where case_id in (select id from support_case where customer_id = :customer)""")
                .setParameter("customer", customer).executeUpdate();
        entityManager.createNativeQuery("""
                update case_action set note = null
                where case_id in (select id from support_case where customer_id = :customer)""")
                .setParameter("customer", customer).executeUpdate();
        int cases = entityManager.createNativeQuery("""
                update support_case set customer_id = null, recovery_token_hash = null,
                       lifecycle_stage = null, lifetime_value_minor = null, value_pending = false
                where customer_id = :customer""")
                .setParameter("customer", customer).executeUpdate();
        int feedback = entityManager.createNativeQuery("""
                update feedback set text = null, redacted = true, customer_id = null
                where customer_id = :customer""")
                .setParameter("customer", customer).executeUpdate();
        entityManager.clear();
        Erasure erasure = new Erasure();
        erasure.erasureId = event.erasureId();
        erasure.customerId = customer;
        erasure.erasedAt = event.erasedAt();
        erasure.receivedAt = clock.instant();
        erasure.feedbackRedacted = feedback;
        erasure.casesUnlinked = cases;
        erasure.persist();
        Log.infof("Erasure %s applied: %d feedback redacted, %d cases unlinked", event.erasureId(), feedback, cases);
        return new Outcome(erasure.erasureId, customer, feedback, cases, false);
    }
}
