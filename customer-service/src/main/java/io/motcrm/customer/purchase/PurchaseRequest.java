package io.motcrm.customer.purchase;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A purchase to record. {@code source} names the ordering system (e.g. {@code web-shop}, {@code pos});
 * {@code externalOrderId} is that system's order id: together they identify the purchase, so sending
 * the same one again records nothing new.
 */
public record PurchaseRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,39}", message = "must be 1 to 40 of a-z 0-9 . _ -") String source,
        @NotBlank @Size(max = 100) String externalOrderId,
        @NotNull Instant occurredAt,
        @NotNull PurchaseChannel channel,
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be 1 to 64 of a-z 0-9 . _ -") String touchpointCode,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines) {

    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotBlank @Size(max = 64) String category,
            @NotNull @Positive @Max(100_000) Integer quantity,
            @NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long unitPriceMinor) {
    }
}
