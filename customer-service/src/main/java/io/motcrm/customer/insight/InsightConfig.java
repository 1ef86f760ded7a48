package io.motcrm.customer.insight;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Lifecycle thresholds and the lifetime-value projection (see {@link Insights}). */
@ConfigMapping(prefix = "motcrm.insight")
public interface InsightConfig {

    /** How often every customer's insight is recomputed ({@code off} disables the job). */
    @WithDefault("1h")
    String schedule();

    /**
     * While the kept RFM ranking (from the last full run) counted fewer buyers than this, a purchase or
     * return re-ranks everyone's current figures before scoring its customer; from then on customers are
     * scored against the kept ranking until the next full run. 0 never re-ranks between full runs.
     */
    @WithDefault("1000")
    int rfmRerankBelow();

    /** No purchase for this long: at risk. */
    @WithDefault("P60D")
    Duration atRiskAfter();

    /** No purchase for this long: lapsed. */
    @WithDefault("P180D")
    Duration lapsedAfter();

    /** Purchases (not fully returned) that make a repeat customer. */
    @WithDefault("2")
    int repeatMinPurchases();

    /** Purchases that make a loyal customer. */
    @WithDefault("5")
    int loyalMinPurchases();

    /** Categories listed as a customer's top ones. */
    @WithDefault("3")
    int topCategories();

    /** Lifetime value: years of future spending projected at the customer's yearly rate. */
    @WithDefault("3")
    double clvProjectionYears();

    /** Lifetime value: the shortest tenure the yearly rate is computed over (a new customer's first days say little). */
    @WithDefault("P365D")
    Duration clvMinTenure();

    /** Lifetime value: the weight of the projection for an at-risk customer (1 for active, 0 for lapsed). */
    @WithDefault("0.5")
    double clvAtRiskWeight();
}
