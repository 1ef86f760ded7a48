package io.motcrm.customer.referral;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Sent to loyalty-service through the outbox when a referee makes their first purchase (docs/contracts.md). */
@RegisterForReflection
public record ReferralCompleted(UUID referrerId, UUID refereeId, UUID purchaseId, Instant occurredAt) {

    public static final String TARGET = "loyalty-api";
    public static final String PATH = "/internal/v1/events/referral-completed";
}
