package io.motcrm.loyalty.consent;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to a consent change. */
@RegisterForReflection
public record ConsentApplied(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) String purpose,
        @Schema(required = true, description = "Whether this change is now the customer's latest known choice: false "
                + "for a purpose loyalty-service does not use, for a change older than one already applied, and for an "
                + "erased customer") boolean applied,
        @Schema(required = true, description = "Whether partners may now be given the customer's member code "
                + "(the latest `partner_sharing` change, false when none was received)") boolean partnerSharing,
        @Schema(required = true, description = "The customer was erased: nothing is kept") boolean customerErased) {
}
