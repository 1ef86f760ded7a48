package io.motcrm.system;

import static io.motcrm.system.Suite.customerIdOf;
import static io.motcrm.system.Suite.userToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * One customer's app floods the gateway (many connections, as fast as they go) while a member of staff
 * works at a normal pace: the flood is cut down to its rate limit with 429 and {@code Retry-After}, the
 * gateway never fails (no 5xx) and stays ready, and every one of the other client's requests is served.
 */
class GatewayFloodChaos {

    private static final int FLOOD_THREADS = 32;
    private static final int FLOOD_REQUESTS = 6_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aFloodIsRateLimitedWhileOtherClientsAreStillServed() throws Exception {
        Instant started = Instant.now();
        UUID hana = customerIdOf("customer.hana");
        String flooder = "Bearer " + userToken("customer.hana");
        String staff = "Bearer " + userToken("agent.choi");
        Map<Integer, AtomicInteger> floodStatuses = new ConcurrentHashMap<>();
        AtomicInteger floodWithoutRetryAfter = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Long> staffMillis = Collections.synchronizedList(new ArrayList<>());
        List<Integer> staffStatuses = Collections.synchronizedList(new ArrayList<>());

        // The other client's latency before the flood, for comparison.
        List<Long> calm = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long sentAt = System.nanoTime();
            assertThat(get("/api/v1/customers/" + hana + "/360", staff, "flood test").statusCode()).isEqualTo(200);
            calm.add((System.nanoTime() - sentAt) / 1_000_000);
        }
        Collections.sort(calm);

        ExecutorService pool = Executors.newFixedThreadPool(FLOOD_THREADS + 1);
        List<Future<?>> flood = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < FLOOD_THREADS; t++) {
            flood.add(pool.submit(() -> {
                while (sent.incrementAndGet() <= FLOOD_REQUESTS) {
                    HttpResponse<String> answer = get("/api/v1/loyalty/customers/" + hana + "/balance", flooder, null);
                    floodStatuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (answer.statusCode() == 429 && answer.headers().firstValue("Retry-After").isEmpty()) {
                        floodWithoutRetryAfter.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Future<?> other = pool.submit(() -> {
            while (flooding.get()) {
                long sentAt = System.nanoTime();
                HttpResponse<String> answer = get("/api/v1/customers/" + hana + "/360", staff, "flood test");
                staffMillis.add((System.nanoTime() - sentAt) / 1_000_000);
                staffStatuses.add(answer.statusCode());
                Thread.sleep(100);
            }
            return null;
        });
        for (Future<?> thread : flood) {
            thread.get(3, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        flooding.set(false);
        other.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(floodStatuses.keySet()).as("the flood's answers: only 200 and 429").containsOnly(200, 429);
        assertThat(floodStatuses.get(429).get()).as("most of the flood is refused").isGreaterThan(FLOOD_REQUESTS / 2);
        assertThat(floodWithoutRetryAfter.get()).as("429s without Retry-After").isZero();
        assertThat(staffStatuses).as("the other client's answers").isNotEmpty().containsOnly(200);
        assertThat(get("/q/health/ready", null, null).statusCode()).as("the gateway is still ready").isEqualTo(200);
        // A flood of reads changes nothing but the access log of the customers staff read (delivered through
        // the outbox), and nothing else may have suffered from it.
        Invariants.outboxDrained("customer-service", started);
        Invariants.outboxDrained("feedback-service", started);
        Invariants.ledgerAuditClean();
        List<Long> sorted = new ArrayList<>(staffMillis);
        Collections.sort(sorted);
        System.out.printf("Gateway flood: %d requests in %.1f s (%.0f/s) from one client: %d answered 200, %d refused 429;"
                + " the other client: %d requests, all 200, p50 %d ms, max %d ms (before the flood: p50 %d ms)%n",
                FLOOD_REQUESTS, seconds, FLOOD_REQUESTS / seconds, count(floodStatuses, 200), count(floodStatuses, 429),
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), calm.get(calm.size() / 2));
    }

    private static int count(Map<Integer, AtomicInteger> statuses, int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    private static HttpResponse<String> get(String path, String authorization, String purpose) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Suite.GATEWAY + path)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (purpose != null) {
            request.header("X-Access-Purpose", purpose);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("the gateway did not answer " + path, e);
        }
    }
}
