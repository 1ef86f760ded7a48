package io.motcrm.loyalty.earn;

import java.util.UUID;

/**
 * The answer to a referral: points for each side (an erased side gets none) in one EARN transaction.
 * {@code duplicate} when the referee was already rewarded for this referral.
 */
public record ReferralRewarded(UUID referrerId, UUID refereeId, long referrerPoints, long refereePoints,
        Long transactionId, boolean duplicate) {
}
