package io.motcrm.customer.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.motcrm.platform.privacy.StaffReads;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A staff read in another service ({@code io.motcrm.platform.privacy.AccessRecorded}, sent by
 * {@link StaffReads#record}). {@code purpose} is null when the sender redacted it at the customer's
 * erasure.
 */
@RegisterForReflection
public record AccessRecordedEvent(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 200) String accessedBy,
        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,39}") String role,
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String section,
        @Size(max = StaffReads.MAX_PURPOSE_LENGTH) String purpose,
        @NotNull Instant accessedAt) {
}
