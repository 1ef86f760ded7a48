package io.motcrm.loyalty.account;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A completed spend: its transaction, and the balance after it. */
@RegisterForReflection
public record SpendResult(UUID customerId, long transactionId, long points, String reference, Balance balance) {
}
