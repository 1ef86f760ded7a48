package io.motcrm.loyalty.partner;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a partner earn: points granted (the tier multiplier applied, the daily limit
 * respected) and withheld. No personal data: the member code is what the partner sent.
 */
@RegisterForReflection
public record PartnerEarned(
        @Schema(required = true) String partnerId,
        @Schema(required = true) String memberCode,
        @Schema(required = true) String reference,
        @Schema(required = true) long amountMinor,
        @Schema(required = true) long points,
        @Schema(required = true) long withheldPoints,
        Long transactionId,
        @Schema(required = true) boolean duplicate) {
}
