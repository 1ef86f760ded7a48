package io.motcrm.loyalty.ledger;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Points credited to an account by one transaction, and how many of them are still there. Spending,
 * expiry and reversals consume lots (recorded as {@link LotConsumption}s); the sum of an account's
 * lots' {@code remaining} equals its posted balance. Changed only under the account's lock.
 */
@Entity
@Table(name = "lot")
public class Lot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    @Column(name = "transaction_id", nullable = false, updatable = false)
    public Long transactionId;

    @Column(nullable = false, updatable = false)
    public long points;

    @Column(nullable = false)
    public long remaining;

    @Column(name = "earned_at", nullable = false, updatable = false)
    public Instant earnedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    /** End of the return window, if the lot was earned on a purchase. */
    @Column(name = "locked_until", updatable = false)
    public Instant lockedUntil;

    /** Still inside the return window: counted in the account's locked balance, not spendable. */
    @Column(nullable = false)
    public boolean locked;

    /** Unlocked lots with points left, soonest-expiring first: the order spending consumes them in. */
    static List<Lot> spendable(long accountId) {
        return list("accountId = ?1 and remaining > 0 and locked = false order by expiresAt, id", accountId);
    }

    /** Lots a transaction created (e.g. the lots of a purchase's earn). */
    public static List<Lot> ofTransaction(long transactionId) {
        return list("transactionId = ?1 and remaining > 0 order by expiresAt, id", transactionId);
    }

    /** Lots of an account with points left or still locked, soonest-expiring first. */
    static List<Lot> open(long accountId) {
        return list("accountId = ?1 and (remaining > 0 or locked = true) order by expiresAt, id", accountId);
    }

    /** Lots with points left that expire by {@code until}, soonest first. */
    public static List<Lot> expiringBy(long accountId, Instant until) {
        return list("accountId = ?1 and remaining > 0 and expiresAt <= ?2 order by expiresAt, id", accountId, until);
    }

    /** Accounts with a lot due to expire or to leave its return window, at most {@code limit}. */
    public static List<Long> accountsDue(Instant now, int limit) {
        return getEntityManager().createQuery("""
                select distinct l.accountId from Lot l
                where (l.remaining > 0 and l.expiresAt <= :now) or (l.locked = true and l.lockedUntil <= :now)
                """, Long.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }
}
