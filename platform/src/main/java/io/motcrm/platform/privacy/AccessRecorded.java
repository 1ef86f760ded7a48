package io.motcrm.platform.privacy;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A staff member's read of one section of a customer's data in another service, sent through the outbox
 * to customer-service's access log ({@code POST /internal/v1/access-log}), which the customer sees.
 *
 * @param section what was read, e.g. {@code points}, {@code cases}, {@code feedback}
 * @param purpose the {@code X-Access-Purpose} as stated; erased with the customer
 */
@RegisterForReflection
public record AccessRecorded(UUID customerId, String accessedBy, String role, String section, String purpose,
        Instant accessedAt) {

    public static final String TARGET = "customer-api";
    public static final String PATH = "/internal/v1/access-log";
    public static final String AGGREGATE = "customer-access";
}
