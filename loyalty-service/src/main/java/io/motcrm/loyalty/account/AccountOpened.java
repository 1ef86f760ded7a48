package io.motcrm.loyalty.account;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a customer-registered event. {@code duplicate} is true when the account already
 * existed; the welcome bonus is granted once per customer either way.
 */
public record AccountOpened(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) long welcomeBonusPoints,
        Long welcomeTransactionId,
        Balance balance,
        @Schema(required = true) boolean duplicate) {
}
