package io.motcrm.gateway.resilience;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway with its circuit breakers on (small windows, a short open delay) and a real rate limit
 * for signed-in users, as the fault tests need; the other tests run with both out of the way.
 */
public class ResilienceProfile implements QuarkusTestProfile {

    static final int USER_BURST = 60;
    static final int USER_PER_SECOND = 30;
    /** Long enough for a test to make all its calls while the circuit is surely still open. */
    static final long OPEN_FOR_MS = 4000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "motcrm.gateway.circuit-breaker.enabled", "true",
                "motcrm.gateway.circuit-breaker.window", "10",
                "motcrm.gateway.circuit-breaker.minimum-calls", "5",
                "motcrm.gateway.circuit-breaker.failure-ratio", "0.5",
                "motcrm.gateway.circuit-breaker.open-for", OPEN_FOR_MS + "ms",
                "motcrm.gateway.circuit-breaker.half-open-trials", "1",
                "motcrm.gateway.rate-limit.classes.user.capacity", String.valueOf(USER_BURST),
                "motcrm.gateway.rate-limit.classes.user.per-second", String.valueOf(USER_PER_SECOND));
    }
}
