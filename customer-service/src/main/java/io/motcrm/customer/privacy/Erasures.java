package io.motcrm.customer.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.customer.consent.ConsentRecord;
import io.motcrm.customer.consent.Consents;
import io.motcrm.customer.consent.SourceChannel;
import io.motcrm.customer.identity.AccountErasure;
import io.motcrm.customer.identity.IdentityConfig;
import io.motcrm.customer.profile.Customer;
import io.motcrm.customer.profile.CustomerStatus;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.outbox.MessageView;
import io.motcrm.platform.outbox.Outbox;
import io.motcrm.platform.outbox.OutboxStatus;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Erasure: anonymises the customer here at once, and asks loyalty-service and feedback-service to do the
 * same and this service itself to delete the customer's Keycloak account ({@code motcrm.identity.enabled}),
 * through the outbox, in one transaction. Here that reaches every copy:
 * <ul>
 * <li>the profile: personal data replaced, member code retired (kept only as a hash) and referral code
 * dropped;</li>
 * <li>consents withdrawn (appended events; the history keeps no name of the customer, see
 * {@link io.motcrm.customer.CallerAccess#actor}), and loyalty told that partner sharing is withdrawn;</li>
 * <li>the access log keeps who read what and when, but no purpose ({@value ProfileAccess#ERASED_PURPOSE});</li>
 * <li>insight, marketing contacts and a referral not completed are deleted (the kept RFM ranking's tie-break
 * id, if it is theirs, becomes the nil UUID); purchases and completed
 * referrals keep ids and amounts only;</li>
 * <li>stored idempotent answers about the customer, whoever asked, are deleted ({@link #forgetAnswers}
 * again after the erasure's own answer is stored), and the member code is taken out of outbox
 * messages.</li>
 * </ul>
 * Each service's completion is kept in {@code erasure_target}: it is taken from the state of the
 * erasure's outbox messages by a scheduled job and on every read, and kept after the delivered messages
 * are purged. Erasing again answers the first erasure and changes nothing.
 */
@ApplicationScoped
public class Erasures {

    public static final String SELF = "customer-service";
    /** An outbox target asked to erase, what it is in the erasure view, and where it receives the erasure. */
    record Party(String target, String service, String path) {
    }

    static final List<Party> SERVICES = List.of(new Party("feedback-api", "feedback-service", CustomerErased.PATH),
            new Party("loyalty-api", "loyalty-service", CustomerErased.PATH));
    /** The customer's Keycloak account, deleted by this service itself through its outbox. */
    static final Party IDENTITY = new Party(AccountErasure.TARGET, "keycloak", AccountErasure.PATH);
    static final String ERASED_NAME = "Erased customer";
    static final String POLICY_VERSION = "erasure";

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    Consents consents;

    @Inject
    EntityManager entityManager;

    @Inject
    Idempotency idempotency;

    @Inject
    ObjectMapper json;

    @Inject
    IdentityConfig identity;

    public record Result(ErasureView erasure, boolean created) {
    }

    @Transactional
    public Result erase(UUID customerId, SourceChannel channel, String requestedBy) {
        Customer customer = Customer.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
        Erasure existing = Erasure.find("customerId", customerId).firstResult();
        if (existing != null) {
            return new Result(sync(existing), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> codes = new ArrayList<>();
        if (customer.memberCode != null) {
            entityManager.createNativeQuery("insert into retired_member_code (code_sha256, retired_at) values ("
                    + Customer.RETIRED_CODE_KEY + ", :at)")
                    .setParameter("code", customer.memberCode).setParameter("at", now).executeUpdate();
            codes.add(customer.memberCode);
        }
        if (customer.referralCode != null) {
            codes.add(customer.referralCode);
        }
        consents.withdrawAll(customerId, channel, POLICY_VERSION, requestedBy);
        customer.name = ERASED_NAME;
        customer.email = null;
        customer.phone = null;
        customer.birthDate = null;
        customer.locale = null;
        customer.preferredChannel = null;
        customer.memberCode = null;
        customer.referralCode = null;
        customer.status = CustomerStatus.ERASED;
        customer.updatedAt = now;
        eraseRecords(customerId);
        forget(customerId, codes);

        Erasure erasure = new Erasure();
        erasure.id = UUID.randomUUID();
        erasure.customerId = customerId;
        erasure.requestedBy = requestedBy;
        erasure.requestedAt = now;
        erasure.persist();
        for (Party party : parties()) {
            ErasureTarget part = new ErasureTarget();
            part.erasureId = erasure.id;
            part.target = party.target();
            part.status = ErasureTarget.Status.PENDING;
            part.persist();
            outbox.enqueue(party.target(), party.path(), CustomerErased.AGGREGATE, erasure.id.toString(),
                    new CustomerErased(customerId, erasure.id, now));
        }
        entityManager.flush();
        Log.infof("Customer %s erased (erasure %s)", customerId, erasure.id);
        return new Result(view(erasure), true);
    }

    /**
     * The rows about the customer beyond the profile: the access log keeps who read what and when but
     * not why; insight and marketing contacts have no use any more; a referral not completed never will
     * be (an erased customer buys nothing), a completed one stays for the referrer's reward (ids only).
     */
    /** The kept RFM ranking names a quintile's first member; the nil UUID stands in (it only breaks ties). */
    private static final String RFM_BOUNDARY_FORGETS = """
            update rfm_boundary set
                recency_customer = case when recency_customer = :id then :nil else recency_customer end,
                frequency_customer = case when frequency_customer = :id then :nil else frequency_customer end,
                monetary_customer = case when monetary_customer = :id then :nil else monetary_customer end
            where :id in (recency_customer, frequency_customer, monetary_customer)""";

    private void eraseRecords(UUID customerId) {
        entityManager.createNativeQuery("update profile_access set purpose = :erased where customer_id = :id")
                .setParameter("erased", ProfileAccess.ERASED_PURPOSE).setParameter("id", customerId).executeUpdate();
        for (String delete : List.of("delete from customer_insight where customer_id = :id",
                "delete from marketing_contact where customer_id = :id",
                "delete from referral where referee_id = :id and completed_at is null")) {
            entityManager.createNativeQuery(delete).setParameter("id", customerId).executeUpdate();
        }
        entityManager.createNativeQuery(RFM_BOUNDARY_FORGETS).setParameter("id", customerId)
                .setParameter("nil", new UUID(0, 0)).executeUpdate();
    }

    /**
     * Copies held by the platform: stored idempotent answers that name the customer, their codes or one
     * of their consent records (the customer's own consent answers name neither the customer nor a path
     * with their id, so each is found by its exact body), whoever made the request; and the member code
     * in outbox messages (the customer's registration), delivered or not.
     */
    private void forget(UUID customerId, List<String> codes) {
        List<String> mentions = new ArrayList<>(codes);
        mentions.add(customerId.toString());
        for (ConsentRecord record : consents.history(customerId)) {
            try {
                mentions.add(json.writeValueAsString(record));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A consent record cannot be serialised", e);
            }
        }
        idempotency.forgetMentioning(mentions);
        outbox.redactMentioning(customerId.toString(), List.of("memberCode"));
    }

    /**
     * Deletes the stored idempotent answers that name the customer once more: the erasure's own answer is
     * stored in the erasure's transaction after {@link #erase} ran, under the name of whoever asked (the
     * customer's user name, when they erased themselves). A retry then erases again, which answers the
     * same erasure. Call it after the erasure committed.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forgetAnswers(UUID customerId) {
        Customer customer = Customer.findById(customerId);
        if (customer != null && customer.status == CustomerStatus.ERASED) {
            idempotency.forgetMentioning(List.of(customerId.toString()));
        }
    }

    /** The customer's erasure with each service's completion, brought up to date first. */
    @Transactional
    public ErasureView get(UUID customerId) {
        Erasure erasure = Erasure.find("customerId", customerId).firstResult();
        if (erasure == null) {
            throw new ProblemException(CustomerProblem.ERASURE_NOT_FOUND, "Customer " + customerId + " is not erased");
        }
        return sync(erasure);
    }

    /** For the export: the erasure as last recorded, if any. */
    public ErasureView find(UUID customerId) {
        Erasure erasure = Erasure.find("customerId", customerId).firstResult();
        return erasure == null ? null : view(erasure);
    }

    /** Records the completions the outbox has seen since the last look, for every open erasure. */
    @Scheduled(every = "${motcrm.erasure.sync-interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void syncOpen() {
        List<UUID> open = ErasureTarget.<ErasureTarget> find("status <> ?1", ErasureTarget.Status.COMPLETED)
                .page(0, 500).list().stream().map(t -> t.erasureId).distinct().toList();
        for (UUID id : open) {
            Erasure erasure = Erasure.findById(id);
            if (erasure != null) {
                sync(erasure);
            }
        }
    }

    private ErasureView sync(Erasure erasure) {
        List<MessageView> messages = outbox.messagesAbout(CustomerErased.AGGREGATE, erasure.id.toString());
        for (ErasureTarget part : ErasureTarget.of(erasure.id)) {
            if (part.status == ErasureTarget.Status.COMPLETED) {
                continue;
            }
            List<MessageView> mine = messages.stream().filter(m -> m.target().equals(part.target)).toList();
            var delivered = mine.stream().filter(m -> m.status() == OutboxStatus.DELIVERED).findFirst();
            if (delivered.isPresent()) {
                part.status = ErasureTarget.Status.COMPLETED;
                part.completedAt = delivered.get().deliveredAt();
                Log.infof("Erasure %s completed in %s", erasure.id, part.target);
            } else if (!mine.isEmpty() && mine.get(mine.size() - 1).status() == OutboxStatus.DEAD) {
                part.status = ErasureTarget.Status.FAILED;
            } else if (!mine.isEmpty()) {
                part.status = ErasureTarget.Status.PENDING;
            }
        }
        return view(erasure);
    }

    /** Who is asked to erase: the other services, and Keycloak unless switched off. */
    private List<Party> parties() {
        List<Party> parties = new ArrayList<>(SERVICES);
        if (identity.enabled()) {
            parties.add(IDENTITY);
        }
        return parties;
    }

    private static String service(String target) {
        return IDENTITY.target().equals(target) ? IDENTITY.service()
                : SERVICES.stream().filter(p -> p.target().equals(target)).map(Party::service).findFirst().orElse(target);
    }

    private static ErasureView view(Erasure erasure) {
        List<ErasureView.Target> services = new ArrayList<>();
        services.add(new ErasureView.Target(SELF, ErasureTarget.Status.COMPLETED, erasure.requestedAt));
        boolean completed = true;
        for (ErasureTarget part : ErasureTarget.of(erasure.id)) {
            services.add(new ErasureView.Target(service(part.target), part.status,
                    part.completedAt));
            completed &= part.status == ErasureTarget.Status.COMPLETED;
        }
        return new ErasureView(erasure.id, erasure.customerId, erasure.requestedAt, completed, services);
    }
}
