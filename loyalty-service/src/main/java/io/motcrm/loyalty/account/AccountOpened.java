package io.motcrm.loyalty.account;

import java.util.UUID;

/**
 * The answer to a customer-registered event. {@code duplicate} is true when the account already
 * existed; the welcome bonus is granted once per customer either way.
 */
public record AccountOpened(UUID customerId, long welcomeBonusPoints, Long welcomeTransactionId, Balance balance,
        boolean duplicate) {
}
