package io.motcrm.loyalty;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Earn rules, lot lifetimes and limits of the points programme. */
@ConfigMapping(prefix = "motcrm.loyalty")
public interface LoyaltyConfig {

    Earn earn();

    Lots lots();

    Velocity velocity();

    Sweep sweep();

    interface Earn {
        /** Minor currency units spent per base point: 100 means 1 point per 100 minor units. */
        @WithDefault("100")
        long minorPerPoint();

        /**
         * Earn multiplier per product category, in percent of the base rate (150 = 1.5x). Categories
         * not listed earn at 100. E.g. {@code motcrm.loyalty.earn.category-multiplier-percent.organic=200}.
         */
        Map<String, Integer> categoryMultiplierPercent();

        /** Points granted when a customer's account is opened. */
        @WithDefault("500")
        long welcomeBonus();

        /** Bonus on a customer's first purchase, in percent of the purchase value. */
        @WithDefault("10")
        int firstPurchaseBonusPercent();

        /** What one point is worth in minor units, to turn a share of the purchase value into points. */
        @WithDefault("1")
        long pointValueMinor();
    }

    interface Lots {
        /** How long earned points last. */
        @WithDefault("24")
        int expiryMonths();

        /** Points earned on a purchase stay locked (not spendable) this long after the purchase. */
        @WithDefault("P30D")
        Duration returnWindow();
    }

    interface Velocity {
        /** Most points a customer can earn from purchases per UTC day; the excess is not granted. */
        @WithDefault("50000")
        long maxPointsPerDay();
    }

    interface Sweep {
        /** How often the expiry job runs (read by its schedule); {@code off} disables it. */
        @WithDefault("5m")
        String every();

        /** Accounts the expiry job handles per run (each in its own transaction). */
        @WithDefault("500")
        int batchSize();
    }
}
