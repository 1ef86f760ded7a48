package io.motcrm.loyalty.tier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Bronze, Silver and Gold by the points a customer earned over the rolling last 12 months, counting only
 * the classes of points the programme configures ({@link PointsClass}, {@code motcrm.loyalty.tiers.qualifying}:
 * purchases and partner earns by default, not bonuses). An earn that crosses a threshold upgrades at once, in
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

    /**
     * Points of the classes the programme counts ({@code motcrm.loyalty.tiers.qualifying}) credited over the last
     * 12 months, net of returns.
     */
    public long qualifying(long accountId) {
        return qualifying(accountId, config.tiers().qualifying());
    }

    /** Points of the given classes credited over the last 12 months, net of returns; never below zero. */
    public long qualifying(long accountId, Set<PointsClass> classes) {
        Map<PointsClass, Long> byClass = qualifyingByClass(accountId);
        long sum = 0;
        for (PointsClass pointsClass : classes) {
            sum += byClass.getOrDefault(pointsClass, 0L);
        }
        return Math.max(0, sum);
    }

    /**
     * Points credited over the last 12 months by class. A return's reversal is split between the purchase's base
     * points and its first-purchase bonus in the proportion the purchase was granted them (rounded toward the base).
     */
    Map<PointsClass, Long> qualifyingByClass(long accountId) {
        Instant since = clock.instant().atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select x.points_class, coalesce(sum(x.amount), 0) from ledger_entry e
                join ledger_transaction t on t.id = e.transaction_id
                left join purchase_return r on t.kind = 'REVERSAL' and r.return_id =
                    case when t.reference like 'return:%' then cast(substr(t.reference, 8) as uuid) end
                left join purchase_earn p on p.purchase_id = r.purchase_id
                cross join lateral (select case when p.granted_points > 0
                    then e.amount * (p.granted_points - p.first_purchase_bonus) / p.granted_points
                    else e.amount end as base) s
                cross join lateral (values (""" + PointsClass.SQL_CLASS + """
                    , s.base), ('FIRST_PURCHASE', e.amount - s.base)) x(points_class, amount)
                where e.account_id = :account and e.created_at >= :since
                  and t.kind in ('EARN', 'REVERSAL', 'COMPENSATION')
                group by x.points_class
                """)
                .setParameter("account", accountId)
                .setParameter("since", since)
                .getResultList();
        Map<PointsClass, Long> byClass = new EnumMap<>(PointsClass.class);
        for (Object[] row : rows) {
            String name = (String) row[0];
            if (!"OTHER".equals(name)) {
                byClass.put(PointsClass.valueOf(name), ((Number) row[1]).longValue());
            }
        }
        return byClass;
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
