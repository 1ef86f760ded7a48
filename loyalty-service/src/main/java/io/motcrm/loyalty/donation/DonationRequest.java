package io.motcrm.loyalty.donation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

public record DonationRequest(
        @NotBlank @Size(max = 40) String charityId,
        @NotNull @Positive @Max(1_000_000_000) Long points) {
}
