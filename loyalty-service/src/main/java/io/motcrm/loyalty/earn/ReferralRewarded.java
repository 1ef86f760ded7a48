package io.motcrm.loyalty.earn;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a referral: points for each side (an erased side gets none) in one EARN transaction.
 * {@code duplicate} when the referee was already rewarded for this referral.
 */
public record ReferralRewarded(
        @Schema(required = true) UUID referrerId,
        @Schema(required = true) UUID refereeId,
        @Schema(required = true) long referrerPoints,
        @Schema(required = true) long refereePoints,
        Long transactionId,
        @Schema(required = true) boolean duplicate) {
}
