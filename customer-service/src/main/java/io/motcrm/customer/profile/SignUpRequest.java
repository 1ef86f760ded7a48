package io.motcrm.customer.profile;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

/** A new customer. At least one of email and phone is required; both are normalised. */
public record SignUpRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 320) String email,
        @Size(max = 40) String phone,
        @Past LocalDate birthDate,
        @Size(max = 35) String locale,
        PreferredChannel preferredChannel,
        /** Optional: another customer's referral code; links this customer to them. */
        @Size(max = 20) String referralCode) {
}
