package io.motcrm.loyalty.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** customer-service's event: the customer was erased; their account is closed and anonymised here. */
public record CustomerErased(@NotNull UUID customerId, @NotNull UUID erasureId, @NotNull Instant erasedAt) {
}
