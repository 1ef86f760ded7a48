package io.motcrm.customer.privacy;

import java.time.Instant;
import java.util.List;

import io.motcrm.customer.audience.AudienceViews;
import io.motcrm.customer.consent.ConsentRecord;
import io.motcrm.customer.consent.ConsentState;
import io.motcrm.customer.insight.InsightView;
import io.motcrm.customer.profile.CustomerView;
import io.motcrm.customer.purchase.PurchaseView;
import io.motcrm.customer.referral.ReferralView;

/** Everything customer-service holds about a customer, as one document. */
public record CustomerExport(
        Instant exportedAt,
        CustomerView profile,
        List<ConsentState> consents,
        List<ConsentRecord> consentHistory,
        List<PurchaseView> purchases,
        ReferralView referrals,
        InsightView insight,
        List<AudienceViews.ContactView> marketingContacts,
        List<AccessRecord> accessLog,
        ErasureView erasure) {
}
