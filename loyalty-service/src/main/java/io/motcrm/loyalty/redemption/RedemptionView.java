package io.motcrm.loyalty.redemption;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A redemption as the partner sees it: the member code and the amounts, no personal data.
 * {@code transactionId}: the ledger transaction of the step that produced this answer.
 * {@code availablePoints}: the customer's spendable points after it.
 */
@RegisterForReflection
public record RedemptionView(UUID id, String partnerId, String memberCode, String reference, Redemption.Status status,
        long authorizedPoints, long capturedPoints, long refundedPoints, long availablePoints, Instant expiresAt,
        Instant createdAt, Instant updatedAt, long transactionId) {
}
