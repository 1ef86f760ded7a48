package io.motcrm.loyalty.redemption;

import java.time.Instant;
import java.util.UUID;

/** A one-time code to show at a partner; it works once, until {@code expiresAt}. */
public record CodeIssued(UUID customerId, String code, Long maxPoints, Instant expiresAt) {
}
