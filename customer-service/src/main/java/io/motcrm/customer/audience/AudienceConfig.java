package io.motcrm.customer.audience;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The contact-frequency cap: at most {@link #cap()} marketing contacts, on any channel, per {@link #window()}. */
@ConfigMapping(prefix = "motcrm.audience")
public interface AudienceConfig {

    @WithDefault("4")
    int cap();

    @WithDefault("P30D")
    Duration window();
}
