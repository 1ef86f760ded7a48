package io.motcrm.loyalty.earn;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** customer-service's event: a purchase was recorded. Amounts in minor units. */
public record PurchaseRecorded(
        @NotNull UUID customerId,
        @NotNull UUID purchaseId,
        @NotNull Instant occurredAt,
        @NotNull @PositiveOrZero @Max(MAX_MINOR) Long totalMinor,
        @NotNull @Size(max = 500) List<@Valid @NotNull Line> lines) {

    /** 10^13 minor units: far above any real purchase, far below overflow. */
    public static final long MAX_MINOR = 10_000_000_000_000L;

    @Schema(name = "PurchaseLine")
    public record Line(
            @NotBlank @Size(max = 100) String sku,
            @Size(max = 100) String category,
            @NotNull @Positive @Max(1_000_000) Long quantity,
            @NotNull @PositiveOrZero @Max(MAX_MINOR) Long unitPriceMinor) {
    }
}
