package io.motcrm.customer.privacy;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long personal data is kept beyond its use ({@link Retention}). The customer's profile, consents and
 * purchases are kept while they are a customer (until erasure); these classes go earlier.
 */
@ConfigMapping(prefix = "motcrm.retention")
public interface RetentionConfig {

    /**
     * The stated purposes of staff reads: after this the purpose is replaced by
     * {@value ProfileAccess#EXPIRED_PURPOSE}; who read what and when stays in the access log.
     */
    @WithDefault("P365D")
    Duration accessPurpose();

    /**
     * Marketing contacts (campaign, channel, time), kept for the contact-frequency cap and for the customer
     * to see; never less than the cap's window ({@code motcrm.audience.window}).
     */
    @WithDefault("P365D")
    Duration marketingContacts();

    /** How often the purge runs ({@code off} to leave it to someone else, as the tests do). */
    @WithDefault("1h")
    String purgeInterval();
}
