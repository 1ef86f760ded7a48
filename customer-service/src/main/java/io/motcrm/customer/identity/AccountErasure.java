package io.motcrm.customer.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An erasure as this service's outbox sends it to itself (the shape of {@code CustomerErased}). */
@RegisterForReflection
public record AccountErasure(@NotNull UUID customerId, @NotNull UUID erasureId, @NotNull Instant erasedAt) {

    /** The outbox target: this service itself ({@code quarkus.rest-client.identity-api.url}). */
    public static final String TARGET = "identity-api";
    public static final String PATH = "/internal/v1/identity/erasures";
}
