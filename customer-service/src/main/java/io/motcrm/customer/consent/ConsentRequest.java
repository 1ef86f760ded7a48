package io.motcrm.customer.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Grant ({@code granted: true}) or withdraw ({@code false}) consent for one purpose. */
public record ConsentRequest(
        @NotNull Purpose purpose,
        @NotNull Boolean granted,
        @NotNull SourceChannel channel,
        @NotBlank @Size(max = 40) String policyVersion) {
}
