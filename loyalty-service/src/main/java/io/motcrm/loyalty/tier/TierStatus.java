package io.motcrm.loyalty.tier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's tier, the points that count towards it, the next threshold and every change so far. */
public record TierStatus(UUID customerId, Tier tier, int multiplierPercent, long qualifyingPoints, Tier nextTier,
        Long pointsToNextTier, List<Change> history) {

    @Schema(name = "TierHistoryEntry")
    public record Change(Tier from, Tier to, TierChange.Reason reason, long qualifyingPoints, Instant changedAt) {
    }
}
