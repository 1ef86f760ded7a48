package io.motcrm.loyalty.tier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.motcrm.loyalty.LoyaltyConfig;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.Ledger;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Bronze, Silver and Gold by the points a customer earned (EARN transactions credited to the
 * account) over the rolling last 12 months. An earn that crosses a threshold upgrades at once, in
 * its own transaction; a scheduled job lowers the tier of customers whose earns have aged out.
 * Reversals of earns (returns) do not count against the qualifying points until the next
 * evaluation; expiry and spending never do.
 */
@ApplicationScoped
public class Tiers {

    @Inject
    LoyaltyConfig config;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Inject
    EntityManager entityManager;

    public int multiplierPercent(Tier tier) {
        LoyaltyConfig.Tiers tiers = config.tiers();
        return switch (tier) {
            case BRONZE -> tiers.bronzeMultiplierPercent();
            case SILVER -> tiers.silverMultiplierPercent();
            case GOLD -> tiers.goldMultiplierPercent();
        };
    }

    /** The tier that {@code qualifying} points earn. */
    public Tier tierFor(long qualifying) {
        if (qualifying >= config.tiers().goldThreshold()) {
            return Tier.GOLD;
        }
        if (qualifying >= config.tiers().silverThreshold()) {
            return Tier.SILVER;
        }
        return Tier.BRONZE;
    }

    /** Points earned (net of reversals) over the last 12 months. */
    public long qualifying(long accountId) {
        Instant since = clock.instant().atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
        Number sum = (Number) entityManager.createNativeQuery("""
                select coalesce(sum(e.amount), 0) from ledger_entry e
                join ledger_transaction t on t.id = e.transaction_id
                where e.account_id = :account and e.created_at >= :since and t.kind in ('EARN', 'REVERSAL')
                """)
                .setParameter("account", accountId)
                .setParameter("since", since)
                .getSingleResult();
        return Math.max(0, sum.longValue());
    }

    /** After an earn on the (locked) account: moves it up if it now qualifies for a higher tier. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upgradeIfDue(Ledger.Locks locks, long accountId) {
        Account account = locks.get(accountId);
        long qualifying = qualifying(accountId);
        Tier target = tierFor(qualifying);
        if (target.compareTo(account.tier) > 0) {
            change(account, target, qualifying, TierChange.Reason.UPGRADE);
        }
    }

    /** Evaluates every account above Bronze and moves down those whose earns no longer qualify. */
    public int downgradeDue() {
        int changed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                    "select a.id from Account a where a.tier <> :bronze and a.id > :after order by a.id", Long.class)
                    .setParameter("bronze", Tier.BRONZE)
                    .setParameter("after", from)
                    .setMaxResults(500)
                    .getResultList());
            for (Long accountId : batch) {
                boolean moved = QuarkusTransaction.requiringNew().call(() -> {
                    Account account = ledger.lock(accountId).get(accountId);
                    long qualifying = qualifying(accountId);
                    Tier target = tierFor(qualifying);
                    if (target.compareTo(account.tier) < 0) {
                        change(account, target, qualifying, TierChange.Reason.DOWNGRADE);
                        return true;
                    }
                    return false;
                });
                if (moved) {
                    changed++;
                }
                after = accountId;
            }
            if (batch.size() < 500) {
                return changed;
            }
        }
    }

    @Scheduled(identity = "loyalty-tier-downgrade", every = "${motcrm.loyalty.tiers.downgrade-every:1h}",
            delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int changed = downgradeDue();
        if (changed > 0) {
            Log.infof("Tier evaluation moved %d accounts down", changed);
        }
    }

    private void change(Account account, Tier target, long qualifying, TierChange.Reason reason) {
        TierChange change = new TierChange();
        change.accountId = account.id;
        change.fromTier = account.tier;
        change.toTier = target;
        change.qualifying = qualifying;
        change.reason = reason;
        change.changedAt = clock.instant();
        change.persist();
        account.tier = target;
    }
}
