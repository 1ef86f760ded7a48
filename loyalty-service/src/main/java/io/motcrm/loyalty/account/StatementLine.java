package io.motcrm.loyalty.account;

import java.time.Instant;

import io.motcrm.loyalty.ledger.TransactionKind;

/** One transaction as it touched the customer's account: the signed amount on this account. */
public record StatementLine(long transactionId, TransactionKind kind, String reference, Long reversesTransactionId,
        String description, long amount, Instant createdAt) {
}
