package io.motcrm.loyalty.account;

import java.util.UUID;

/**
 * The answer to an erasure: pending holds released, remaining points forfeited (a FORFEIT
 * transaction, so the ledger stays balanced), member code removed, account closed.
 * {@code accountFound} is false when no account had been opened (none will be).
 */
public record AccountErased(UUID customerId, UUID erasureId, boolean accountFound, long releasedHeldPoints,
        long forfeitedPoints, boolean duplicate) {
}
