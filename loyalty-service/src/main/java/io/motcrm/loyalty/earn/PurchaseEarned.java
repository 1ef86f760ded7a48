package io.motcrm.loyalty.earn;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a purchase-recorded event. {@code withheldPoints} were earned by the rules but not
 * granted because the customer reached the daily earn limit ({@code velocityLimited}).
 * {@code duplicate} is true when the purchase had already been recorded (this answer repeats it).
 * {@code customerErased}: the customer was erased; the event is accepted and books nothing.
 */
public record PurchaseEarned(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) UUID purchaseId,
        @Schema(required = true) long basePoints,
        @Schema(required = true) long firstPurchaseBonusPoints,
        @Schema(required = true) long grantedPoints,
        @Schema(required = true) long withheldPoints,
        @Schema(required = true) boolean velocityLimited,
        Instant lockedUntil,
        Long earnTransactionId,
        Long bonusTransactionId,
        @Schema(required = true) boolean duplicate,
        @Schema(required = true) boolean customerErased) {

    /** The answer to a purchase of an erased customer: accepted, nothing booked. */
    static PurchaseEarned ofErasedCustomer(UUID customerId, UUID purchaseId) {
        return new PurchaseEarned(customerId, purchaseId, 0, 0, 0, 0, false, null, null, null, false, true);
    }
}
