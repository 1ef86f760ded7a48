package io.motcrm.customer.referral;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.customer.profile.Customer;
import io.motcrm.customer.profile.CustomerStatus;
import io.motcrm.customer.profile.MemberCodes;
import io.motcrm.customer.purchase.Purchase;
import io.motcrm.platform.outbox.Outbox;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.logging.Log;

/**
 * Referral codes and links. Each active customer has a code of {@value #CODE_LENGTH} Crockford base32
 * symbols; a new customer who gives one (at sign-up, or later before their first purchase) is linked to
 * its owner, once, never to themselves. Their first purchase completes the referral and tells
 * loyalty-service, which rewards both.
 */
@ApplicationScoped
public class Referrals {

    public static final int CODE_LENGTH = 8;
    private static final int CODE_ATTEMPTS = 5;
    private static final RandomGenerator RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    /** A code no customer holds yet. */
    public String newCode() {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            StringBuilder code = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                code.append(MemberCodes.ALPHABET.charAt(RANDOM.nextInt(MemberCodes.ALPHABET.length())));
            }
            if (Customer.count("referralCode", code.toString()) == 0) {
                return code.toString();
            }
        }
        throw new IllegalStateException("No free referral code after " + CODE_ATTEMPTS + " attempts");
    }

    /** Links an existing, not erased customer to the owner of {@code code} (after sign-up). */
    @Transactional
    public ReferralView.Link linkReferrer(UUID refereeId, String code) {
        Customer customer = Customer.findById(refereeId);
        if (customer == null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + refereeId);
        }
        if (customer.status == CustomerStatus.ERASED) {
            throw new ProblemException(CustomerProblem.CUSTOMER_ERASED, "The customer has been erased");
        }
        return link(refereeId, code);
    }

    /** Links a customer to the owner of {@code code}; runs in the caller's transaction (sign-up) or its own. */
    @Transactional
    public ReferralView.Link link(UUID refereeId, String code) {
        String normal = MemberCodes.normalise(code);
        Customer referrer = normal == null || normal.length() != CODE_LENGTH ? null
                : Customer.<Customer> find("referralCode = ?1 and status = ?2", normal, CustomerStatus.ACTIVE)
                        .firstResult();
        if (referrer == null) {
            throw ProblemException.forField(CustomerProblem.UNKNOWN_REFERRAL_CODE, "referralCode",
                    "is no active customer's referral code");
        }
        if (referrer.id.equals(refereeId)) {
            throw new ProblemException(CustomerProblem.SELF_REFERRAL, "A customer cannot use their own referral code");
        }
        // Serialises links and first purchases of this customer (purchases lock the same row).
        entityManager.find(Customer.class, refereeId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (Referral.findById(refereeId) != null) {
            throw new ProblemException(CustomerProblem.REFERRER_ALREADY_SET, "The customer was already referred");
        }
        if (Purchase.count("customerId", refereeId) > 0) {
            throw new ProblemException(CustomerProblem.REFERRAL_TOO_LATE,
                    "The customer has made a purchase; referrals count for new customers only");
        }
        Referral referral = new Referral();
        referral.refereeId = refereeId;
        referral.referrerId = referrer.id;
        referral.linkedAt = now();
        referral.persist();
        Log.infof("Customer %s linked to referrer %s", refereeId, referrer.id);
        return ReferralView.Link.of(referral);
    }

    /** On a customer's first purchase: completes their referral, if any, and tells loyalty-service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeOnFirstPurchase(UUID customerId, UUID purchaseId, Instant at) {
        Referral referral = Referral.findById(customerId);
        if (referral == null || referral.completedAt != null) {
            return;
        }
        referral.completedAt = at;
        referral.purchaseId = purchaseId;
        outbox.enqueue(ReferralCompleted.TARGET, ReferralCompleted.PATH, "customer", customerId.toString(),
                new ReferralCompleted(referral.referrerId, customerId, purchaseId, at));
        Log.infof("Referral of customer %s by %s completed", customerId, referral.referrerId);
    }

    public ReferralView view(UUID customerId) {
        Customer customer = Customer.findById(customerId);
        if (customer == null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
        Referral referredBy = Referral.findById(customerId);
        return new ReferralView(customer.referralCode, referredBy == null ? null : ReferralView.Link.of(referredBy),
                Referral.byReferrer(customerId).stream().map(ReferralView.Link::of).toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
