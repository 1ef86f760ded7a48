package io.motcrm.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "motcrm.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay. The relay is safe to run on every replica at once. */
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for due messages (also read by the scheduler expression). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Messages claimed per round; each round delivers them in parallel across aggregates. */
    @WithDefault("50")
    int batchSize();

    /** Delay before the first retry; each further retry doubles it, up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("5m")
    Duration maxBackoff();

    /** Attempts before a message that keeps failing is dead-lettered (about 2 hours with the defaults). */
    @WithDefault("30")
    int maxAttempts();

    @WithDefault("2s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * How long a claimed message is reserved for the instance delivering it. If that instance dies,
     * another picks the message up after this; must exceed the request timeout.
     */
    @WithDefault("30s")
    Duration lease();

    /** Delivered messages are deleted after this. */
    @WithDefault("P7D")
    Duration deliveredRetention();

    /**
     * Dead-lettered messages are kept this long for an operator to requeue, then deleted (their payloads
     * are ids and amounts, but a dead letter is no place to keep anything for ever).
     */
    @WithDefault("P30D")
    Duration deadRetention();
}
