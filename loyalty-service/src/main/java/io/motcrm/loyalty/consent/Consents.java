package io.motcrm.loyalty.consent;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.motcrm.loyalty.account.Erasure;
import io.motcrm.loyalty.ledger.Ledger;

/**
 * The consents loyalty-service acts on: only {@value #PARTNER_SHARING}, which lets partners be given the
 * customer's member code. Without it a partner gets only its own pseudonymous reference for the customer.
 */
@ApplicationScoped
public class Consents {

    public static final String PARTNER_SHARING = "partner_sharing";

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    /**
     * Keeps the change if it is the latest by {@code changedAt} (a withdrawal wins a tie). Changes for customers
     * whose account is not open yet are kept too; for an erased customer nothing is kept.
     */
    @Transactional
    public ConsentApplied apply(ConsentChanged event) {
        UUID customerId = event.customerId();
        if (!PARTNER_SHARING.equals(event.purpose())) {
            return new ConsentApplied(customerId, event.purpose(), false, sharesWithPartners(customerId), false);
        }
        ledger.claim("consent:" + customerId);
        if (Erasure.erased(customerId)) {
            return new ConsentApplied(customerId, event.purpose(), false, false, true);
        }
        PartnerSharingConsent consent = PartnerSharingConsent.findById(customerId);
        boolean applied = consent == null || event.changedAt().isAfter(consent.changedAt)
                || (event.changedAt().equals(consent.changedAt) && !event.granted());
        if (applied) {
            if (consent == null) {
                consent = new PartnerSharingConsent();
                consent.customerId = customerId;
            }
            consent.granted = event.granted();
            consent.changedAt = event.changedAt();
            consent.recordedAt = clock.instant();
            consent.persist();
        }
        return new ConsentApplied(customerId, event.purpose(), applied, consent.granted, false);
    }

    /** Whether partners may be given the customer's member code now. */
    public boolean sharesWithPartners(UUID customerId) {
        PartnerSharingConsent consent = PartnerSharingConsent.findById(customerId);
        return consent != null && consent.granted;
    }

    /** Forgets the customer's choice (erasure). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID customerId) {
        PartnerSharingConsent.deleteById(customerId);
    }
}
