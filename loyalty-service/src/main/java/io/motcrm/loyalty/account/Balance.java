package io.motcrm.loyalty.account;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.motcrm.loyalty.tier.Tier;

/**
 * A customer's points. {@code posted}: all points credited minus all debited (the sum of the
 * ledger entries); {@code held}: points on hold for partner redemptions not yet captured or voided
 * (they have left {@code posted} and come back if the hold is voided or expires); {@code locked}:
 * earned on purchases still inside their return window; {@code available = posted - locked}: what
 * can be spent now. Points past their expiry leave {@code posted} when the expiry job (or the next
 * write on the account) books them. {@code tier}: the customer's current tier.
 */
public record Balance(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) String status,
        @Schema(required = true) long available,
        @Schema(required = true) long posted,
        @Schema(required = true) long held,
        @Schema(required = true) long locked,
        @Schema(required = true) Tier tier,
        @Schema(required = true) Instant asOf) {
}
