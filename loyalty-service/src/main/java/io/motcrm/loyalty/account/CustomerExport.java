package io.motcrm.loyalty.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.motcrm.loyalty.donation.DonationReceipt;
import io.motcrm.loyalty.tier.TierStatus;

/** Everything loyalty-service holds about a customer (the privacy export). */
public record CustomerExport(UUID customerId, Instant exportedAt, AccountData account, Balance balance,
        List<TierStatus.Change> tierHistory, List<StatementLine> transactions, List<LotData> lots,
        List<PurchaseData> purchases, List<CodeData> redemptionCodes, List<RedemptionData> redemptions,
        List<PartnerEarnData> partnerEarns, List<DonationReceipt> donations, List<CompensationData> compensations,
        List<ReferralData> referrals) {

    public record AccountData(long accountId, String status, String memberCode, Instant createdAt, Instant updatedAt) {
    }

    public record LotData(long lotId, long transactionId, long points, long remaining, Instant earnedAt,
            Instant expiresAt, boolean locked, Instant lockedUntil) {
    }

    public record PurchaseData(UUID purchaseId, long totalMinor, long grantedPoints, long returnedMinor,
            long reversedPoints, Instant occurredAt) {
    }

    public record CodeData(String code, Long maxPoints, Instant createdAt, Instant expiresAt, Instant usedAt) {
    }

    public record RedemptionData(UUID redemptionId, String partnerId, String status, long authorizedPoints,
            long capturedPoints, long refundedPoints, Instant createdAt) {
    }

    public record PartnerEarnData(String partnerId, String reference, long points, long transactionId, Instant at) {
    }

    public record CompensationData(UUID actionId, UUID caseId, long points, String reason, Instant grantedAt) {
    }

    public record ReferralData(String role, UUID referrerId, UUID refereeId, long pointsEach, Instant recordedAt) {
    }
}
