package io.motcrm.customer.consent;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Sent to loyalty-service through the outbox (aggregate {@code customer}, so in order with the customer's
 * other messages) on every change of the {@code partner_sharing} consent, and as a withdrawal at erasure:
 * loyalty tells partners the member code only while it is granted, and applies the latest by
 * {@code changedAt}.
 */
@RegisterForReflection
public record ConsentChanged(UUID customerId, Purpose purpose, boolean granted, Instant changedAt) {

    public static final String TARGET = "loyalty-api";
    public static final String PATH = "/internal/v1/events/consent-changed";
}
