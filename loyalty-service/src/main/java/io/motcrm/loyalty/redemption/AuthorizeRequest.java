package io.motcrm.loyalty.redemption;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A partner holds points with the customer's one-time code. */
public record AuthorizeRequest(
        @NotBlank @Size(max = 40) String code,
        @NotNull @Positive @Max(1_000_000_000) Long points,
        @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be visible ASCII without spaces") String reference) {
}
