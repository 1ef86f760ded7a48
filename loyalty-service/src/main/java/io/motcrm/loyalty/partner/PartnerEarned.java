package io.motcrm.loyalty.partner;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer to a partner earn: points granted (the tier multiplier applied, the daily limit
 * respected) and withheld. No personal data: the member code is what the partner sent.
 */
@RegisterForReflection
public record PartnerEarned(String partnerId, String memberCode, String reference, long amountMinor, long points,
        long withheldPoints, Long transactionId, boolean duplicate) {
}
