package io.motcrm.loyalty.account;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A completed spend: its transaction, and the balance after it. */
@RegisterForReflection
public record SpendResult(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) long transactionId,
        @Schema(required = true) long points,
        @Schema(required = true) String reference,
        @Schema(required = true) Balance balance) {
}
