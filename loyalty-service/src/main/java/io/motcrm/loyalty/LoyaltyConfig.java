package io.motcrm.loyalty;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.motcrm.loyalty.tier.PointsClass;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Earn rules, lot lifetimes and limits of the points programme. */
@ConfigMapping(prefix = "motcrm.loyalty")
public interface LoyaltyConfig {

    Earn earn();

    Lots lots();

    Velocity velocity();

    Sweep sweep();

    Tiers tiers();

    Redemption redemption();

    /**
     * The secret behind the pseudonymous customer references partners get ({@code pr_...}): HMAC-SHA256 over
     * the partner and the customer, so that each partner sees its own stable reference and no two partners can
     * match theirs. Changing it changes every reference partners hold. The default in application.properties is
     * for local development only; deployments set {@code MOTCRM_LOYALTY_PARTNER_REFERENCE_KEY} from a Secret.
     */
    String partnerReferenceKey();

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

        /** Points granted to each side, referrer and referee, when a referral completes. */
        @WithDefault("300")
        long referralBonus();

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
        /**
         * Most points a customer can earn per UTC day from purchases and partner earns (bonuses
         * included); the excess is not granted.
         */
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

    interface Tiers {
        /** Points earned over the last 12 months that make a customer Silver. */
        @WithDefault("5000")
        long silverThreshold();

        /** Points earned over the last 12 months that make a customer Gold. */
        @WithDefault("20000")
        long goldThreshold();

        /** Base earn multiplier of each tier, in percent (125 = 1.25x). */
        @WithDefault("100")
        int bronzeMultiplierPercent();

        @WithDefault("125")
        int silverMultiplierPercent();

        @WithDefault("150")
        int goldMultiplierPercent();

        /**
         * The classes of points that count toward a tier. By default points earned by spending: purchases in the
         * company's stores and at partners (both are real spend, and the tier multiplier rewards both); bonuses
         * (welcome, first purchase, referral) and compensations do not, so that no bonus lifts a customer a tier.
         */
        @WithDefault("PURCHASE,PARTNER_EARN")
        Set<PointsClass> qualifying();

        /** How often the downgrade job runs; {@code off} disables it. */
        @WithDefault("1h")
        String downgradeEvery();
    }

    interface Redemption {
        /** How long a customer's one-time redemption code can be used. */
        @WithDefault("PT5M")
        Duration codeLifetime();

        /** How long a partner's hold lasts before the expiry job releases it. */
        @WithDefault("PT15M")
        Duration holdTimeout();

        /** How often expired holds are released; {@code off} disables it. */
        @WithDefault("1m")
        String releaseEvery();
    }
}
