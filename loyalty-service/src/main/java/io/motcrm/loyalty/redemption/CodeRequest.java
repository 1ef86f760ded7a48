package io.motcrm.loyalty.redemption;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/** Asks for a one-time redemption code, optionally capped in points. */
public record CodeRequest(@Positive @Max(1_000_000_000) Long maxPoints) {
}
