package io.motcrm.customer.insight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's insight. RFM scores are quintiles (5 best) among active customers with a purchase: the
 * customer's own figures of now placed in the ranking of the last full recomputation (see {@link Insights});
 * null for a customer without purchases, or before any ranking.
 */
public record InsightView(UUID customerId, Integer recencyScore, Integer frequencyScore, Integer monetaryScore,
        LifecycleStage lifecycleStage, int purchaseCount, long netSpendMinor, Instant firstPurchaseAt,
        Instant lastPurchaseAt, long lifetimeValueMinor, List<String> topCategories, Instant computedAt) {

    static InsightView of(CustomerInsight i) {
        return new InsightView(i.customerId, toInt(i.recencyScore), toInt(i.frequencyScore), toInt(i.monetaryScore),
                i.lifecycleStage, i.purchaseCount, i.netSpendMinor, i.firstPurchaseAt, i.lastPurchaseAt,
                i.lifetimeValueMinor, i.topCategories, i.computedAt);
    }

    private static Integer toInt(Short s) {
        return s == null ? null : s.intValue();
    }
}
