package io.motcrm.loyalty.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's points. {@code posted}: all points credited minus all debited (the sum of the
 * ledger entries); {@code held}: reserved by redemptions not yet captured or voided; {@code locked}:
 * earned on purchases still inside their return window; {@code available = posted - held - locked}:
 * what can be spent now. Points past their expiry leave {@code posted} when the expiry job (or the
 * next write on the account) books them.
 */
public record Balance(UUID customerId, String status, long available, long posted, long held, long locked,
        Instant asOf) {
}
