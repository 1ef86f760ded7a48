package io.motcrm.loyalty.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Points that expire by {@code until} ({@code withinDays} from now), lot by lot, soonest first. */
public record ExpiringPoints(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) int withinDays,
        @Schema(required = true) Instant until,
        @Schema(required = true) long totalPoints,
        @Schema(required = true) List<ExpiringLot> lots) {

    public record ExpiringLot(
            @Schema(required = true) long lotId,
            @Schema(required = true) long points,
            @Schema(required = true) long remaining,
            @Schema(required = true) Instant earnedAt,
            @Schema(required = true) Instant expiresAt,
            @Schema(required = true) boolean locked,
            Instant lockedUntil) {
    }
}
