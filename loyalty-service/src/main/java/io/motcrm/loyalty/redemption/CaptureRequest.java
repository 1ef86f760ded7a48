package io.motcrm.loyalty.redemption;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/** Captures the hold: {@code points} of it (all when absent); the rest goes back to the customer. */
public record CaptureRequest(@Positive @Max(1_000_000_000) Long points) {
}
