package io.motcrm.feedback.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;

/**
 * Fixed-window request counters per key (a touchpoint token, a client IP), in this instance's memory:
 * with n replicas a client gets at most n times the limit, which is what the gateway's own limits are
 * for. A refused request gets 429 with {@code Retry-After} (seconds until the window ends).
 */
@ApplicationScoped
public class RateLimiter {

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    public void acquire(String key, int limit, Duration window) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        long start = now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), windowMillis);
        Window current = windows.compute(key, (k, existing) -> existing == null || existing.start != start
                ? new Window(start, 1)
                : new Window(start, existing.count + 1));
        if (current.count > limit) {
            long retryAfter = Math.max(1, (start + windowMillis - now.toEpochMilli() + 999) / 1000);
            throw new ProblemException(CommonProblem.RATE_LIMITED,
                    "Too many submissions; retry in " + retryAfter + " s")
                    .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
    }

    @Scheduled(every = "1m", delayed = "1m")
    void forgetEndedWindows() {
        long now = clock.millis();
        windows.entrySet().removeIf(entry -> entry.getValue().start < now - Duration.ofHours(1).toMillis());
    }

    private record Window(long start, int count) {
    }
}
