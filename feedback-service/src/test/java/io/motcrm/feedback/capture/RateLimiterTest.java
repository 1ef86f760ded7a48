package io.motcrm.feedback.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;

class RateLimiterTest {

    private static RateLimiter at(Instant now) {
        RateLimiter limiter = new RateLimiter();
        limiter.clock = Clock.fixed(now, ZoneOffset.UTC);
        return limiter;
    }

    @Test
    void requestsOverTheLimitAreRefusedUntilTheWindowEnds() {
        RateLimiter limiter = at(Instant.parse("2026-01-01T10:00:15Z"));
        for (int i = 0; i < 3; i++) {
            limiter.acquire("ip:10.0.0.1", 3, Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> limiter.acquire("ip:10.0.0.1", 3, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(CommonProblem.RATE_LIMITED);
                    assertThat(e.headers()).containsEntry("Retry-After", "45");
                });
        // Other keys have their own counters.
        limiter.acquire("ip:10.0.0.2", 3, Duration.ofMinutes(1));
        // The next window starts afresh.
        limiter.clock = Clock.fixed(Instant.parse("2026-01-01T10:01:00Z"), ZoneOffset.UTC);
        limiter.acquire("ip:10.0.0.1", 3, Duration.ofMinutes(1));
    }
}
