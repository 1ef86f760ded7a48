package io.motcrm.loyalty.earn;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a purchase-recorded event. {@code withheldPoints} were earned by the rules but not
 * granted because the customer reached the daily earn limit ({@code velocityLimited}).
 * {@code duplicate} is true when the purchase had already been recorded (this answer repeats it).
 * {@code customerErased}: the customer was erased; the event is accepted and books nothing.
 */
public record PurchaseEarned(
        UUID customerId,
        UUID purchaseId,
        long basePoints,
        long firstPurchaseBonusPoints,
        long grantedPoints,
        long withheldPoints,
        boolean velocityLimited,
        Instant lockedUntil,
        Long earnTransactionId,
        Long bonusTransactionId,
        boolean duplicate,
        boolean customerErased) {

    /** The answer to a purchase of an erased customer: accepted, nothing booked. */
    static PurchaseEarned ofErasedCustomer(UUID customerId, UUID purchaseId) {
        return new PurchaseEarned(customerId, purchaseId, 0, 0, 0, 0, false, null, null, null, false, true);
    }
}
