package io.motcrm.loyalty.account;

import java.time.Instant;
import java.util.UUID;

import io.motcrm.loyalty.tier.Tier;

/**
 * A customer's points. {@code posted}: all points credited minus all debited (the sum of the
 * ledger entries); {@code held}: points on hold for partner redemptions not yet captured or voided
 * (they have left {@code posted} and come back if the hold is voided or expires); {@code locked}:
 * earned on purchases still inside their return window; {@code available = posted - locked}: what
 * can be spent now. Points past their expiry leave {@code posted} when the expiry job (or the next
 * write on the account) books them. {@code tier}: the customer's current tier.
 */
public record Balance(UUID customerId, String status, long available, long posted, long held, long locked,
        Tier tier, Instant asOf) {
}
