package io.motcrm.loyalty.partner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Registers a partner: its id is what the partner's tokens carry in {@code partner_id}. */
public record PartnerRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be 2-40 lower-case letters, digits or '-'") String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Positive @Max(1_000_000) Long pointValueMinor,
        @NotNull @Positive @Max(1_000_000) Long earnMinorPerPoint,
        Partner.Status status) {
}
