package io.motcrm.customer.profile;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Sent to loyalty-service through the outbox when a customer signs up; the same shape as loyalty's
 * {@code io.motcrm.loyalty.account.CustomerRegistered} (POST /internal/v1/events/customer-registered).
 */
@RegisterForReflection
public record CustomerRegistered(UUID customerId, String memberCode, Instant registeredAt) {

    public static final String TARGET = "loyalty-api";
    public static final String PATH = "/internal/v1/events/customer-registered";
}
