package io.motcrm.loyalty.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long personal data that outlives its use is kept (ISO-8601 durations), and how often the purge runs.
 * Everything else personal in loyalty-service lasts as long as the customer's account and goes at erasure.
 */
@ConfigMapping(prefix = "motcrm.retention")
public interface RetentionConfig {

    /**
     * One-time redemption codes, used or not, are deleted this long after they expired, and a redemption
     * forgets the code it was made with this long after it was made. A code works for minutes; the rest of the
     * time it only answers a customer's question about a recent redemption.
     */
    @WithDefault("P30D")
    Duration redemptionCodes();

    /**
     * An agent's free-text reason for a compensation is removed this long after the grant; the points, the case
     * and the transaction stay. By then the points have expired (lots last 24 months by default).
     */
    @WithDefault("P730D")
    Duration compensationReasons();

    /** How often the purge runs ({@code off} disables it). */
    @WithDefault("1h")
    String purgeEvery();
}
