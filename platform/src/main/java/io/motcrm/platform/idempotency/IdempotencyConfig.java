package io.motcrm.platform.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "motcrm.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key and its stored response are kept. A retry within this period replays the first
     * response; after it the key may be used afresh.
     */
    @WithDefault("PT24H")
    Duration retention();
}
