package io.motcrm.loyalty.account;

import java.util.UUID;

/** A completed spend: its transaction, and the balance after it. */
public record SpendResult(UUID customerId, long transactionId, long points, String reference, Balance balance) {
}
