package io.motcrm.loyalty.account;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.motcrm.loyalty.ledger.TransactionKind;

/** One transaction as it touched the customer's account: the signed amount on this account. */
public record StatementLine(
        @Schema(required = true) long transactionId,
        @Schema(required = true) TransactionKind kind,
        @Schema(required = true) String reference,
        Long reversesTransactionId,
        @Schema(required = true) String description,
        @Schema(required = true) long amount,
        @Schema(required = true) Instant createdAt) {
}
