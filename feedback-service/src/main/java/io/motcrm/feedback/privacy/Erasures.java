package io.motcrm.feedback.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.outbox.Outbox;
import io.quarkus.logging.Log;

/**
 * Anonymises everything feedback-service holds about an erased customer, in the request's transaction
 * (the delivery succeeding is what customer-service counts as done):
 * <ul>
 * <li>feedback: text and the company's answer to a suggestion removed, the customer link removed, the
 * customer's user name replaced; type, touchpoint and scores stay for statistics;</li>
 * <li>cases: the customer link, the recovery link and the customer's value snapshot removed; notes,
 * action notes and decision reasons, and history texts removed; the customer's user name replaced
 * wherever it authored something; states, times and SLA figures stay;</li>
 * <li>the live stream's log: the customer's events deleted;</li>
 * <li>stored idempotent answers mentioning the customer or one of their feedback, cases, notes or
 * actions deleted, whoever made the request;</li>
 * <li>outbox messages mentioning the customer (pending, delivered or dead): their free-text members
 * nulled.</li>
 * </ul>
 * Once per erasure id; a repeat answers with the first outcome and changes nothing.
 */
@ApplicationScoped
public class Erasures {

    /** What stands in for the customer's user name where they authored something. */
    public static final String ERASED_AUTHOR = "customer";

    /** Free-text members of this service's outbox payloads (a compensation's reason, an access's purpose). */
    static final List<String> FREE_TEXT_MEMBERS = List.of("reason", "purpose");

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

    @Inject
    Outbox outbox;

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
        List<UUID> feedbackIds = ids("select id from feedback where customer_id = :customer", customer);
        List<UUID> caseIds = ids("select id from support_case where customer_id = :customer", customer);
        List<UUID> noteIds = ids("""
                select n.id from case_note n join support_case c on c.id = n.case_id where c.customer_id = :customer""",
                customer);
        List<UUID> actionIds = ids("""
                select a.id from case_action a join support_case c on c.id = a.case_id where c.customer_id = :customer""",
                customer);
        List<String> userNames = strings("""
                select submitted_by from feedback where customer_id = :customer and source = 'CUSTOMER'
                union
                select h.actor from case_history h join support_case c on c.id = h.case_id
                where c.customer_id = :customer and h.kind = 'CUSTOMER_NOTE'""", customer);

        if (!caseIds.isEmpty()) {
            onCases("update case_note set text = null, redacted = true where case_id in (:cases)", caseIds).executeUpdate();
            onCases("update case_action set note = null, decision_reason = null where case_id in (:cases)", caseIds)
                    .executeUpdate();
            onCases("update case_history set detail = null where case_id in (:cases)", caseIds).executeUpdate();
            if (!userNames.isEmpty()) {
                onCases("update case_note set author = :erased where case_id in (:cases) and author in (:names)", caseIds)
                        .setParameter("names", userNames).setParameter("erased", ERASED_AUTHOR).executeUpdate();
                onCases("update case_history set actor = :erased where case_id in (:cases) and actor in (:names)", caseIds)
                        .setParameter("names", userNames).setParameter("erased", ERASED_AUTHOR).executeUpdate();
            }
        }
        int cases = entityManager.createNativeQuery("""
                update support_case set customer_id = null, recovery_token_hash = null,
                       lifecycle_stage = null, lifetime_value_minor = null, value_pending = false
                where customer_id = :customer""")
                .setParameter("customer", customer).executeUpdate();
        int feedback = entityManager.createNativeQuery("""
                update feedback set text = null, suggestion_response = null, redacted = true, customer_id = null,
                       submitted_by = case when source = 'CUSTOMER' then :erased else submitted_by end
                where customer_id = :customer""")
                .setParameter("customer", customer).setParameter("erased", ERASED_AUTHOR).executeUpdate();

        List<String> mentioned = new ArrayList<>();
        mentioned.add(customer.toString());
        List.of(feedbackIds, caseIds, noteIds, actionIds).forEach(list -> list.forEach(id -> mentioned.add(id.toString())));
        int events = feedbackIds.isEmpty() && caseIds.isEmpty() ? 0 : entityManager.createNativeQuery("""
                delete from mot_event
                where cast(payload as jsonb) ->> 'feedbackId' in (:ids) or cast(payload as jsonb) ->> 'caseId' in (:ids)""")
                .setParameter("ids", mentioned).executeUpdate();
        long answers = idempotency.forgetMentioning(mentioned);
        int messages = outbox.redactMentioning(customer.toString(), FREE_TEXT_MEMBERS);
        entityManager.flush();
        entityManager.clear();

        Erasure erasure = new Erasure();
        erasure.erasureId = event.erasureId();
        erasure.customerId = customer;
        erasure.erasedAt = event.erasedAt();
        erasure.receivedAt = clock.instant();
        erasure.feedbackRedacted = feedback;
        erasure.casesUnlinked = cases;
        erasure.persist();
        Log.infof("Erasure %s applied: %d feedback redacted, %d cases unlinked, %d stream events deleted, "
                + "%d stored answers forgotten, %d outbox messages redacted", event.erasureId(), feedback, cases, events,
                answers, messages);
        return new Outcome(erasure.erasureId, customer, feedback, cases, false);
    }

    @SuppressWarnings("unchecked")
    private List<UUID> ids(String sql, UUID customer) {
        return entityManager.createNativeQuery(sql).setParameter("customer", customer).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql, UUID customer) {
        return entityManager.createNativeQuery(sql).setParameter("customer", customer).getResultList();
    }

    private Query onCases(String sql, List<UUID> caseIds) {
        return entityManager.createNativeQuery(sql).setParameter("cases", caseIds);
    }
}
