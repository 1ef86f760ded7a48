package io.motcrm.loyalty.earn;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** customer-service's event: a referee's first purchase completed a referral. */
public record ReferralCompleted(
        @NotNull UUID referrerId,
        @NotNull UUID refereeId,
        @NotNull UUID purchaseId,
        @NotNull Instant occurredAt) {
}
