package io.motcrm.customer.privacy;

import java.time.Instant;
import java.util.List;

import io.motcrm.customer.audience.AudienceViews;
import io.motcrm.customer.consent.ConsentRecord;
import io.motcrm.customer.insight.InsightView;
import io.motcrm.customer.profile.CustomerView;
import io.motcrm.customer.purchase.PurchaseExport;
import io.motcrm.customer.referral.ReferralView;

/**
 * Everything customer-service holds about a customer, as one document, each fact once: consents as their
 * history (the current state per purpose is its latest event; none means not granted), purchases as
 * {@link PurchaseExport} (no customer id, no sums that follow from the lines and returns).
 */
public record CustomerExport(
        Instant exportedAt,
        CustomerView profile,
        List<ConsentRecord> consentHistory,
        List<PurchaseExport> purchases,
        ReferralView referrals,
        InsightView insight,
        List<AudienceViews.ContactView> marketingContacts,
        List<AccessRecord> accessLog,
        ErasureView erasure) {
}
