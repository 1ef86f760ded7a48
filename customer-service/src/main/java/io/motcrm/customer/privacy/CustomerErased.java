package io.motcrm.customer.privacy;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Sent to loyalty-service and feedback-service through the outbox (docs/contracts.md). */
@RegisterForReflection
public record CustomerErased(UUID customerId, UUID erasureId, Instant erasedAt) {

    public static final String PATH = "/internal/v1/events/customer-erased";
    /** Outbox aggregate type of erasure messages; the aggregate id is the erasure id. */
    public static final String AGGREGATE = "erasure";
}
