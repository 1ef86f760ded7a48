package io.motcrm.loyalty.compensation;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** feedback-service's grant: an agent compensated a customer on a case (docs/contracts.md). */
public record CompensationRequest(
        @NotNull UUID actionId,
        @NotNull UUID customerId,
        @NotNull UUID caseId,
        @NotNull @Positive @Max(10_000_000) Long points,
        @Size(max = 500) String reason) {
}
