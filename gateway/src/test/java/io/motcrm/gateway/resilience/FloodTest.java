package io.motcrm.gateway.resilience;

import static io.motcrm.gateway.resilience.Calls.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.motcrm.gateway.resilience.Calls.Answer;
import io.motcrm.gateway.support.Callers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** One client floods the gateway: it is refused with 429s, the gateway stays up, and another client is served. */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class FloodTest {

    private static final int FLOOD = 3_000;

    @Test
    void aFloodingClientGets429sWhileAnotherClientIsStillServed() throws Exception {
        UUID flooder = UUID.randomUUID();
        String flooderToken = Callers.customer(flooder);
        String otherToken = Callers.agent();
        AtomicBoolean flooding = new AtomicBoolean(true);
        CompletableFuture<List<Answer>> other = CompletableFuture.supplyAsync(() -> {
            List<Answer> answers = new ArrayList<>();
            while (flooding.get()) {
                answers.add(get("/api/v1/customers/" + UUID.randomUUID(), otherToken));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return answers;
        });

        long started = System.nanoTime();
        List<Answer> flood;
        try {
            flood = Calls.parallel(FLOOD, 16, n -> get("/api/v1/loyalty/customers/" + flooder + "/balance", flooderToken));
        } finally {
            flooding.set(false);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Answer> served = other.get();

        Map<Integer, Long> statuses = flood.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        System.out.printf("Flood: %d requests in %.1f s: %s; the other client: %d requests, max %d ms%n", FLOOD, seconds,
                statuses, served.size(), served.stream().mapToLong(Answer::millis).max().orElse(-1));
        assertThat(statuses.keySet()).as("only served or refused").containsOnly(200, 429);
        long allowed = ResilienceProfile.USER_BURST + Math.round(ResilienceProfile.USER_PER_SECOND * (seconds + 1));
        assertThat(statuses.get(200)).as("no more than the bucket lets through").isBetween(1L, allowed);
        assertThat(flood).filteredOn(answer -> answer.status() == 429).allSatisfy(answer -> {
            assertThat(Integer.parseInt(answer.retryAfter())).isPositive();
            assertThat(JsonPath.from(answer.body()).getString("code")).isEqualTo("rate-limited");
        });

        assertThat(served).as("the other client kept asking during the flood").hasSizeGreaterThan(3)
                .allSatisfy(answer -> {
                    assertThat(answer.status()).isEqualTo(200);
                    assertThat(answer.millis()).isLessThan(2_000);
                });
        assertThat(get("/q/health/live", null).status()).isEqualTo(200);
    }
}
