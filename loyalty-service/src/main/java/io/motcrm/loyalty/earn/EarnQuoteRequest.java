package io.motcrm.loyalty.earn;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A purchase to price in points without booking it. */
public record EarnQuoteRequest(
        @NotNull @PositiveOrZero @Max(PurchaseRecorded.MAX_MINOR) Long totalMinor,
        @NotNull @Size(max = 500) List<PurchaseRecorded.@Valid @NotNull Line> lines) {
}
