package io.motcrm.loyalty.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.motcrm.loyalty.donation.DonationReceipt;
import io.motcrm.loyalty.tier.TierStatus;

/** Everything loyalty-service holds about a customer (the privacy export). */
public record CustomerExport(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) Instant exportedAt,
        @Schema(required = true) AccountData account,
        @Schema(required = true) Balance balance,
        @Schema(required = true) List<TierStatus.Change> tierHistory,
        @Schema(required = true) List<StatementLine> transactions,
        @Schema(required = true) List<LotData> lots,
        @Schema(required = true) List<PurchaseData> purchases,
        @Schema(required = true) List<CodeData> redemptionCodes,
        @Schema(required = true) List<RedemptionData> redemptions,
        @Schema(required = true) List<PartnerEarnData> partnerEarns,
        @Schema(required = true) List<DonationReceipt> donations,
        @Schema(required = true) List<CompensationData> compensations,
        @Schema(required = true) List<ReferralData> referrals) {

    public record AccountData(
            @Schema(required = true) long accountId,
            @Schema(required = true) String status,
            String memberCode,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {
    }

    public record LotData(
            @Schema(required = true) long lotId,
            @Schema(required = true) long transactionId,
            @Schema(required = true) long points,
            @Schema(required = true) long remaining,
            @Schema(required = true) Instant earnedAt,
            @Schema(required = true) Instant expiresAt,
            @Schema(required = true) boolean locked,
            Instant lockedUntil) {
    }

    public record PurchaseData(
            @Schema(required = true) UUID purchaseId,
            @Schema(required = true) long totalMinor,
            @Schema(required = true) long grantedPoints,
            @Schema(required = true) long returnedMinor,
            @Schema(required = true) long reversedPoints,
            @Schema(required = true) Instant occurredAt) {
    }

    public record CodeData(
            @Schema(required = true) String code,
            Long maxPoints,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant expiresAt,
            Instant usedAt) {
    }

    public record RedemptionData(
            @Schema(required = true) UUID redemptionId,
            @Schema(required = true) String partnerId,
            @Schema(required = true) String status,
            @Schema(required = true) long authorizedPoints,
            @Schema(required = true) long capturedPoints,
            @Schema(required = true) long refundedPoints,
            @Schema(required = true) Instant createdAt) {
    }

    public record PartnerEarnData(
            @Schema(required = true) String partnerId,
            @Schema(required = true) String reference,
            @Schema(required = true) long points,
            @Schema(required = true) long transactionId,
            @Schema(required = true) Instant at) {
    }

    public record CompensationData(
            @Schema(required = true) UUID actionId,
            @Schema(required = true) UUID caseId,
            @Schema(required = true) long points,
            String reason,
            @Schema(required = true) Instant grantedAt) {
    }

    public record ReferralData(
            @Schema(required = true) String role,
            @Schema(required = true) UUID referrerId,
            @Schema(required = true) UUID refereeId,
            @Schema(required = true) long pointsEach,
            @Schema(required = true) Instant recordedAt) {
    }
}
