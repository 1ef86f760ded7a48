package io.motcrm.loyalty.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Points that expire by {@code until} ({@code withinDays} from now), lot by lot, soonest first. */
public record ExpiringPoints(UUID customerId, int withinDays, Instant until, long totalPoints, List<ExpiringLot> lots) {

    public record ExpiringLot(long lotId, long points, long remaining, Instant earnedAt, Instant expiresAt,
            boolean locked, Instant lockedUntil) {
    }
}
