package io.motcrm.loyalty.partner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.motcrm.loyalty.earn.PurchaseRecorded;

/** A purchase at the partner's store: the customer is named only by the member code on their card. */
public record PartnerEarnRequest(
        @NotBlank @Size(max = 40) String memberCode,
        @NotNull @Positive @Max(PurchaseRecorded.MAX_MINOR) Long amountMinor,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be visible ASCII without spaces") String reference) {
}
