package io.motcrm.customer.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An erasure and each service's completion. {@code completed} is true once every service confirmed:
 * this service at {@code requestedAt}, loyalty and feedback when their messages were delivered, and
 * {@code keycloak} (the customer's account) when this service's own message to delete it was delivered.
 */
@RegisterForReflection
public record ErasureView(UUID id, UUID customerId, Instant requestedAt, boolean completed, List<Target> services) {

    public record Target(String service, ErasureTarget.Status status, Instant completedAt) {
    }
}
