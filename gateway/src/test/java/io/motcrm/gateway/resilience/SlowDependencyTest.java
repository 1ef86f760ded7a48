package io.motcrm.gateway.resilience;

import static io.motcrm.gateway.resilience.Calls.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.gateway.resilience.Calls.Answer;
import io.motcrm.gateway.routing.CircuitBreaker;
import io.motcrm.gateway.routing.CircuitBreakers;
import io.motcrm.gateway.support.Callers;
import io.motcrm.gateway.support.InjectStubs;
import io.motcrm.gateway.support.StubServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A service behind the gateway turns slow or starts failing: callers wait at most the route's timeout
 * (1 s for loyalty in tests) until its circuit opens, then are answered at once, while the other
 * services' routes and the customer 360 keep working; once the service recovers, its circuit closes.
 */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class SlowDependencyTest {

    private static final String LOYALTY_READ = "/api/v1/loyalty/customers/42/statement";

    @InjectStubs
    StubServices stubs;

    @Inject
    CircuitBreakers breakers;

    @AfterEach
    void serviceRecovers() {
        stubs.reset();
        String token = Callers.agent();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(LOYALTY_READ, token).status() == 200);
        assertThat(breakers.of(StubServices.LOYALTY).state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aSlowServiceCostsItsCallersTheTimeoutOnlyUntilItsCircuitOpens() throws Exception {
        stubs.slow(StubServices.LOYALTY, 4_000);
        String token = Callers.agent();

        List<Answer> first = Calls.parallel(20, 20, n -> get(LOYALTY_READ, token));
        assertThat(first).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(504);
            assertThat(answer.millis()).as("the route's 1 s timeout").isLessThan(2_500);
        });
        assertThat(breakers.of(StubServices.LOYALTY).state()).isEqualTo(CircuitBreaker.State.OPEN);

        List<Answer> refused = Calls.parallel(40, 8, n -> get(LOYALTY_READ, token));
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.millis()).as("refused without waiting").isLessThan(500);
            assertThat(Integer.parseInt(answer.retryAfter())).isBetween(1, (int) (ResilienceProfile.OPEN_FOR_MS / 1000));
            JsonPath problem = JsonPath.from(answer.body());
            assertThat(problem.getString("code")).isEqualTo("upstream-suspended");
            assertThat(problem.getInt("status")).isEqualTo(503);
        });

        Answer customers = get("/api/v1/customers", token);
        assertThat(customers.status()).as("another service's route").isEqualTo(200);
        assertThat(customers.millis()).isLessThan(1_000);

        UUID customer = UUID.randomUUID();
        assertThat(breakers.of(StubServices.LOYALTY).state()).as("still open for the 360").isEqualTo(CircuitBreaker.State.OPEN);
        Answer view = get("/api/v1/customers/" + customer + "/360", token, "X-Access-Purpose", "complaint call");
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.millis()).as("no waiting on the open circuit's section timeout (2 s)").isLessThan(1_500);
        JsonPath sections = JsonPath.from(view.body());
        assertThat(sections.getString("profile.status")).isEqualTo("available");
        assertThat(sections.getString("points.status")).isEqualTo("unavailable");
        System.out.printf("Slow dependency: loyalty answering after 4 s; %d concurrent callers got 504 in at most %d ms"
                + " (route timeout 1 s); then the circuit was open and %d callers got 503 in at most %d ms;"
                + " customer-service's route %d ms; the 360 %d ms with the points section unavailable%n",
                first.size(), max(first), refused.size(), max(refused), customers.millis(), view.millis());
    }

    private static long max(List<Answer> answers) {
        return answers.stream().mapToLong(Answer::millis).max().orElse(-1);
    }

    @Test
    void aFailingServiceOpensItsCircuitAndATrialAfterTheDelayClosesIt() throws Exception {
        stubs.failWith(StubServices.LOYALTY, 500);
        String token = Callers.agent();
        for (int i = 0; i < 5; i++) {
            assertThat(get(LOYALTY_READ, token).status()).as("the service's own answer, passed on").isEqualTo(500);
        }
        assertThat(get(LOYALTY_READ, token).status()).isEqualTo(503);

        stubs.reset();
        assertThat(get(LOYALTY_READ, token).status()).as("still open: the service is not asked yet").isEqualTo(503);
        Thread.sleep(ResilienceProfile.OPEN_FOR_MS + 200);
        assertThat(breakers.of(StubServices.LOYALTY).state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(get(LOYALTY_READ, token).status()).as("the trial request").isEqualTo(200);
        assertThat(breakers.of(StubServices.LOYALTY).state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(get(LOYALTY_READ, token).status()).isEqualTo(200);
    }

    @Test
    void aServiceAnsweringClientErrorsIsHealthy() {
        String token = Callers.agent();
        for (int i = 0; i < 12; i++) {
            stubs.failWith(StubServices.LOYALTY, 404);
            assertThat(get(LOYALTY_READ, token).status()).isEqualTo(404);
        }
        assertThat(breakers.of(StubServices.LOYALTY).state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
