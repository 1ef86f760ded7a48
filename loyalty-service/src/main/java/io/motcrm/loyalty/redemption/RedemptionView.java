package io.motcrm.loyalty.redemption;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A redemption as the partner sees it: the member code and the amounts, no personal data.
 * {@code transactionId}: the ledger transaction of the step that produced this answer.
 * {@code availablePoints}: the customer's spendable points after it.
 */
@RegisterForReflection
public record RedemptionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String partnerId,
        String memberCode,
        String reference,
        @Schema(required = true) Redemption.Status status,
        @Schema(required = true) long authorizedPoints,
        @Schema(required = true) long capturedPoints,
        @Schema(required = true) long refundedPoints,
        @Schema(required = true) long availablePoints,
        @Schema(required = true) Instant expiresAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long transactionId) {
}
