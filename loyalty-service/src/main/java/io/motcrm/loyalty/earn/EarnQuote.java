package io.motcrm.loyalty.earn;

import java.util.UUID;

import io.motcrm.loyalty.tier.Tier;

/**
 * What a purchase would earn now: base points (with the tier's multiplier), the first-purchase bonus
 * if it would be the customer's first, the total that the daily velocity limit lets through and what
 * it would withhold.
 */
public record EarnQuote(UUID customerId, Tier tier, int tierMultiplierPercent, long basePoints,
        long firstPurchaseBonusPoints, long totalPoints, long withheldPoints, long earnedToday,
        long maxPointsPerDay) {
}
