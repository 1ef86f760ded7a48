package io.motcrm.loyalty.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** customer-service's event: a customer signed up. */
public record CustomerRegistered(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 40) String memberCode,
        @NotNull Instant registeredAt) {
}
