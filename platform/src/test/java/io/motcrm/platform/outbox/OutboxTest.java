package io.motcrm.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.motcrm.platform.fixture.FixtureEffect;
import io.motcrm.platform.testing.FaultProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class OutboxTest {

    @ConfigProperty(name = "quarkus.rest-client.receiver.url")
    URI receiver;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry registry;

    @Inject
    Outbox outbox;

    FaultProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.on(receiver.getPort(), RestAssured.port, FaultProxy.Mode.DOWN);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    /**
     * The receiver is down, then its responses are lost after it applied the messages, then it
     * recovers: every message ends delivered, applied exactly once, in order per aggregate.
     */
    @Test
    void outageThenRecoveryDeliversEveryMessageExactlyOnceInOrder() {
        String run = "outage-" + UUID.randomUUID();
        int aggregates = 8;
        int perAggregate = 6;
        List<String> effects = new ArrayList<>();
        for (int seq = 0; seq < perAggregate; seq++) {
            for (int a = 0; a < aggregates; a++) {
                effects.add("""
                        {"ref": "%s-%d-%d", "aggregate": "%s-%d", "seq": %d, "amount": 1, "holdMillis": 0}
                        """.formatted(run, a, seq, run, a, seq));
            }
        }
        given().contentType(ContentType.JSON).body("{\"effects\": " + effects + "}").post("/fixture/outbox")
                .then().statusCode(202);

        // Down: attempts fail, nothing is lost or given up.
        await().atMost(Duration.ofSeconds(10)).until(() -> failedAttempts(run) >= aggregates);
        assertThat(count(run, OutboxStatus.DELIVERED)).isZero();
        assertThat(count(run, OutboxStatus.DEAD)).isZero();
        assertThat(effectsApplied(run)).isZero();

        // Up but every response is lost: the receiver applies messages the relay believes failed.
        proxy.mode(FaultProxy.Mode.DROP_RESPONSES);
        await().atMost(Duration.ofSeconds(10)).until(() -> effectsApplied(run) >= aggregates);
        assertThat(count(run, OutboxStatus.DELIVERED)).isZero();

        proxy.mode(FaultProxy.Mode.UP);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(run, OutboxStatus.DELIVERED) == (long) aggregates * perAggregate);

        for (int a = 0; a < aggregates; a++) {
            String aggregate = run + "-" + a;
            List<FixtureEffect> applied = QuarkusTransaction.requiringNew()
                    .call(() -> FixtureEffect.<FixtureEffect> list("aggregate = ?1 order by id", aggregate));
            assertThat(applied).extracting(effect -> effect.seq)
                    .as("each message of %s applied once, in order", aggregate)
                    .containsExactly(0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void rejectedMessageIsDeadLetteredVisiblyAndBlocksOnlyItsAggregate() {
        proxy.mode(FaultProxy.Mode.UP);
        String run = "poison-" + UUID.randomUUID();
        // The first message of aggregate a is broken, as a bug in a producer would make it: amount 0 fails
        // the receiver's validation (400), so retrying cannot help.
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue("receiver", "/fixture/effects", "fixture", run + "-a", effect(run + "-a-0", run + "-a", 0, 0));
            outbox.enqueue("receiver", "/fixture/effects", "fixture", run + "-a", effect(run + "-a-1", run + "-a", 1, 1));
            outbox.enqueue("receiver", "/fixture/effects", "fixture", run + "-b", effect(run + "-b-0", run + "-b", 0, 1));
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> count(run, OutboxStatus.DEAD) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(run, OutboxStatus.DELIVERED) == 1);
        relay.refreshGauges();
        assertThat(registry.get("motcrm.outbox.messages").tag("status", "dead").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("motcrm.outbox.dead.lettered").tag("target", "receiver").counter().count())
                .isGreaterThanOrEqualTo(1);
        // a-1 waits behind the dead a-0; b went through.
        assertThat(effectsApplied(run + "-b")).isEqualTo(1);
        assertThat(effectsApplied(run + "-a")).isZero();

        // An operator fixes and requeues it: the aggregate's queue drains in order.
        OutboxMessage deadMessage = QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage> find("aggregateId = ?1 and status = ?2", run + "-a", OutboxStatus.DEAD)
                .singleResult());
        assertThat(deadMessage.lastStatus).isEqualTo(400);
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update(
                "payload = replace(payload, '\"amount\":0', '\"amount\":1') where id = ?1", deadMessage.id));
        assertThat(relay.requeue(deadMessage.id)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> count(run, OutboxStatus.DELIVERED) == 3);
        assertThat(effectsApplied(run + "-a")).isEqualTo(2);
    }

    /** Four relays at once, as four replicas would run: no message is claimed twice, order holds. */
    @Test
    void concurrentRelaysNeverClaimAMessageTwice() throws Exception {
        proxy.mode(FaultProxy.Mode.UP);
        String run = "replicas-" + UUID.randomUUID();
        List<String> effects = new ArrayList<>();
        for (int seq = 0; seq < 5; seq++) {
            for (int a = 0; a < 20; a++) {
                effects.add("""
                        {"ref": "%s-%d-%d", "aggregate": "%s-%d", "seq": %d, "amount": 1, "holdMillis": 0}
                        """.formatted(run, a, seq, run, a, seq));
            }
        }
        given().contentType(ContentType.JSON).body("{\"effects\": " + effects + "}").post("/fixture/outbox")
                .then().statusCode(202);
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                running.add(replicas.submit(() -> {
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (count(run, OutboxStatus.DELIVERED) < 100 && System.nanoTime() < deadline) {
                        relay.deliverDue();
                    }
                }));
            }
            for (Future<?> replica : running) {
                replica.get();
            }
        } finally {
            replicas.shutdown();
        }
        assertThat(count(run, OutboxStatus.DELIVERED)).isEqualTo(100);
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count("aggregateId like ?1 and attempts <> 1", run + "%")))
                .as("messages delivered more than once").isZero();
        for (int a = 0; a < 20; a++) {
            String aggregate = run + "-" + a;
            assertThat(QuarkusTransaction.requiringNew()
                    .call(() -> FixtureEffect.<FixtureEffect> list("aggregate = ?1 order by id", aggregate)))
                    .extracting(effect -> effect.seq).containsExactly(0, 1, 2, 3, 4);
        }
    }

    /**
     * An erasure redacts the named members of every message that mentions the erased value, pending or
     * not, and keeps the rest (ids, amounts) so the message still has its effect; other messages are untouched.
     */
    @Test
    void redactingNullsTheNamedMembersOfMessagesThatMentionAValue() {
        String erased = "redact-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> List.of(
                outbox.enqueue("receiver", "/nowhere", "test", erased,
                        Map.of("customerId", erased, "reason", "secret words", "amount", 5)).id,
                outbox.enqueue("receiver", "/nowhere", "test", other,
                        Map.of("customerId", other, "reason", "other words", "amount", 7)).id));
        try {
            int changed = QuarkusTransaction.requiringNew().call(
                    () -> outbox.redactMentioning(erased, List.of("reason", "absent")));

            assertThat(changed).isEqualTo(1);
            String redacted = payload(ids.get(0));
            assertThat(redacted).doesNotContain("secret words").contains("\"reason\":null").contains("\"amount\":5")
                    .contains(erased);
            assertThat(payload(ids.get(1))).contains("other words");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> OutboxMessage.delete("id in ?1", ids));
        }
    }

    private static String payload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(id).payload);
    }

    @Test
    void backoffGrowsExponentiallyUpToTheCap() {
        assertThat(relay.backoff(1).toMillis()).isBetween(80L, 120L);
        assertThat(relay.backoff(3).toMillis()).isBetween(320L, 480L);
        assertThat(relay.backoff(10).toMillis()).isBetween(400L, 600L);
        assertThat(relay.backoff(500).toMillis()).isBetween(400L, 600L);
    }

    private static Map<String, Object> effect(String ref, String aggregate, int seq, int amount) {
        Map<String, Object> effect = new LinkedHashMap<>();
        effect.put("ref", ref);
        effect.put("aggregate", aggregate);
        effect.put("seq", seq);
        effect.put("amount", amount);
        effect.put("holdMillis", 0);
        return effect;
    }

    private static long count(String run, OutboxStatus status) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count("aggregateId like ?1 and status = ?2", run + "%", status));
    }

    private static long failedAttempts(String run) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count("aggregateId like ?1 and attempts > 0", run + "%"));
    }

    private static long effectsApplied(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> FixtureEffect.count("ref like ?1", prefix + "%"));
    }
}
