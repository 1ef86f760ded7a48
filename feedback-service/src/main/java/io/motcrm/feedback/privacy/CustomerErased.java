package io.motcrm.feedback.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** customer-service's erasure event (docs/contracts.md). */
public record CustomerErased(@NotNull UUID customerId, @NotNull UUID erasureId, @NotNull Instant erasedAt) {
}
