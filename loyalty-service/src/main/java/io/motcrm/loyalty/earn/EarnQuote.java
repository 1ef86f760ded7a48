package io.motcrm.loyalty.earn;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.motcrm.loyalty.tier.Tier;

/**
 * What a purchase would earn now: base points (with the tier's multiplier), the first-purchase bonus
 * if it would be the customer's first, the total that the daily velocity limit lets through and what
 * it would withhold.
 */
public record EarnQuote(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) Tier tier,
        @Schema(required = true) int tierMultiplierPercent,
        @Schema(required = true) long basePoints,
        @Schema(required = true) long firstPurchaseBonusPoints,
        @Schema(required = true) long totalPoints,
        @Schema(required = true) long withheldPoints,
        @Schema(required = true) long earnedToday,
        @Schema(required = true) long maxPointsPerDay) {
}
