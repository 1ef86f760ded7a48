package io.motcrm.loyalty.tier;

import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.loyalty.LoyaltyConfig;
import io.motcrm.loyalty.ledger.Account;

@ApplicationScoped
public class TierStatusReader {

    @Inject
    Tiers tiers;

    @Inject
    LoyaltyConfig config;

    public TierStatus of(Account account) {
        long qualifying = tiers.qualifying(account.id);
        Tier next = switch (account.tier) {
            case BRONZE -> Tier.SILVER;
            case SILVER -> Tier.GOLD;
            case GOLD -> null;
        };
        Long toNext = next == null ? null
                : Math.max(0, (next == Tier.SILVER ? config.tiers().silverThreshold() : config.tiers().goldThreshold())
                        - qualifying);
        return new TierStatus(UUID.fromString(account.ownerRef), account.tier, tiers.multiplierPercent(account.tier),
                qualifying, next, toNext, history(account.id), List.copyOf(new TreeSet<>(config.tiers().qualifying())));
    }

    public List<TierStatus.Change> history(long accountId) {
        return TierChange.of(accountId).stream()
                .map(c -> new TierStatus.Change(c.fromTier, c.toTier, c.reason, c.qualifying, c.changedAt))
                .toList();
    }
}
