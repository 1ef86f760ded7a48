package io.motcrm.loyalty.earn;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** customer-service's event: (part of) a purchase was returned. */
public record PurchaseReturned(
        @NotNull UUID customerId,
        @NotNull UUID purchaseId,
        @NotNull UUID returnId,
        @NotNull @Positive @Max(PurchaseRecorded.MAX_MINOR) Long returnedMinor) {
}
