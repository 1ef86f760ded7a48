package io.motcrm.loyalty.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Spends points with the company itself (e.g. at a store till). {@code reference} names what they
 * were spent on (an order or receipt number) and is unique per customer.
 */
public record SpendRequest(
        @NotNull @Positive @Max(1_000_000_000) Long points,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be visible ASCII without spaces") String reference,
        @Size(max = 200) String description) {
}
