package io.motcrm.loyalty.redemption;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A one-time code to show at a partner; it works once, until {@code expiresAt}. */
@RegisterForReflection
public record CodeIssued(UUID customerId, String code, Long maxPoints, Instant expiresAt) {
}
