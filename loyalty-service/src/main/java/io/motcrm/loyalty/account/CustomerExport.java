package io.motcrm.loyalty.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.motcrm.loyalty.donation.DonationReceipt;
import io.motcrm.loyalty.tier.TierStatus;

/**
 * Everything loyalty-service holds about a customer (the privacy export): the account and member code, every
 * transaction with its reference and description, lots, purchases, one-time codes (used or not), redemptions with
 * the code and the partner's reference, partner earns, donations with the charity and receipt, compensations with
 * the agent's reason, referrals, the {@code partner_sharing} choice and the reference each partner knows the
 * customer by.
 */
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
        @Schema(required = true) List<ReferralData> referrals,
        @Schema(description = "The latest partner_sharing choice received; null when none was") ConsentData partnerSharing,
        @Schema(required = true) List<PartnerReferenceData> partnerReferences) {

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
            Instant usedAt,
            @Schema(description = "The redemption the code was used for") UUID redemptionId,
            Instant revokedAt,
            @Schema(required = true) String state) {
    }

    public record RedemptionData(
            @Schema(required = true) UUID redemptionId,
            @Schema(required = true) String partnerId,
            @Schema(description = "The one-time code it was made with (forgotten after the codes' retention)") String code,
            @Schema(description = "The partner's own reference (its receipt)") String partnerReference,
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
            @Schema(description = "The agent's reason (removed after its retention)") String reason,
            @Schema(required = true) long transactionId,
            @Schema(required = true) Instant grantedAt) {
    }

    public record ReferralData(
            @Schema(required = true) String role,
            @Schema(required = true) UUID referrerId,
            @Schema(required = true) UUID refereeId,
            @Schema(required = true) long pointsEach,
            Long transactionId,
            @Schema(required = true) Instant recordedAt) {
    }

    public record ConsentData(
            @Schema(required = true) boolean granted,
            @Schema(required = true) Instant changedAt) {
    }

    /** The pseudonymous reference a partner the customer redeemed or earned at knows them by. */
    public record PartnerReferenceData(
            @Schema(required = true) String partnerId,
            @Schema(required = true) String customerReference) {
    }
}
