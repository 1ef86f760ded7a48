package io.motcrm.customer.profile;

import java.time.LocalDate;

import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes to a profile, merge-patch style: a field left out (or null) keeps its value. Contact details
 * cannot be removed this way; at least one must remain.
 */
public record CustomerPatch(
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 320) String email,
        @Size(max = 40) String phone,
        @Past LocalDate birthDate,
        @Size(max = 35) String locale,
        PreferredChannel preferredChannel) {
}
