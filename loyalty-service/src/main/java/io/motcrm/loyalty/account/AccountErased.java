package io.motcrm.loyalty.account;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to an erasure: pending holds released, remaining points forfeited (a FORFEIT
 * transaction, so the ledger stays balanced), member code removed, account closed.
 * {@code accountFound} is false when no account had been opened (none will be).
 */
public record AccountErased(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) UUID erasureId,
        @Schema(required = true) boolean accountFound,
        @Schema(required = true) long releasedHeldPoints,
        @Schema(required = true) long forfeitedPoints,
        @Schema(required = true) boolean duplicate) {
}
