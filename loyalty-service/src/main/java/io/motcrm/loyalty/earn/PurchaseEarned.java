package io.motcrm.loyalty.earn;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a purchase-recorded event. {@code withheldPoints} were earned by the rules but not
 * granted because the customer reached the daily earn limit ({@code velocityLimited}).
 * {@code duplicate} is true when the purchase had already been recorded (this answer repeats it).
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
        boolean duplicate) {
}
