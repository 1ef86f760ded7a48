package io.motcrm.loyalty.partner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Changes a partner's name, rates or status (a suspended partner can neither redeem nor earn). */
public record PartnerUpdate(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Positive @Max(1_000_000) Long pointValueMinor,
        @NotNull @Positive @Max(1_000_000) Long earnMinorPerPoint,
        @NotNull Partner.Status status) {
}
