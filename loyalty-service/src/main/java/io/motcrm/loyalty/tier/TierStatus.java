package io.motcrm.loyalty.tier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's tier, the points that count towards it, the next threshold and every change so far. */
public record TierStatus(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) Tier tier,
        @Schema(required = true) int multiplierPercent,
        @Schema(required = true) long qualifyingPoints,
        Tier nextTier,
        Long pointsToNextTier,
        @Schema(required = true) List<Change> history,
        @Schema(required = true, description = "The classes of points that count toward a tier (the programme's "
                + "setting): by default PURCHASE and PARTNER_EARN, not the bonuses")
        List<PointsClass> qualifyingClasses) {

    @Schema(name = "TierHistoryEntry")
    public record Change(
            @Schema(required = true) Tier from,
            @Schema(required = true) Tier to,
            @Schema(required = true) TierChange.Reason reason,
            @Schema(required = true) long qualifyingPoints,
            @Schema(required = true) Instant changedAt) {
    }
}
