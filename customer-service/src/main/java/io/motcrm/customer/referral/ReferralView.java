package io.motcrm.customer.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's referrals: their own code to give to friends (null once erased), who referred them, and
 * whom they referred. A referral is completed by the referee's first purchase.
 */
public record ReferralView(String referralCode, Link referredBy, List<Link> referees) {

    @RegisterForReflection
    public record Link(UUID referrerId, UUID refereeId, Instant linkedAt, Instant completedAt, UUID purchaseId) {

        static Link of(Referral r) {
            return new Link(r.referrerId, r.refereeId, r.linkedAt, r.completedAt, r.purchaseId);
        }
    }
}
