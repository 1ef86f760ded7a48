package io.motcrm.loyalty.consent;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * customer-service's event: a customer gave or withdrew a consent (sent for every change of
 * {@value Consents#PARTNER_SHARING}, and {@code granted: false} at erasure). Other purposes are accepted and ignored.
 */
public record ConsentChanged(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 64) String purpose,
        @NotNull Boolean granted,
        @NotNull Instant changedAt) {
}
