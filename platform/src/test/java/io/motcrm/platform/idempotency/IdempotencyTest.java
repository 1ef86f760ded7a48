package io.motcrm.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.platform.fixture.FixtureEffect;
import io.motcrm.platform.testing.MutableClock;
import io.motcrm.platform.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class IdempotencyTest {

    @Inject
    MutableClock clock;

    @Inject
    Idempotency idempotency;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void writeWithoutKeyIsRejected() {
        String ref = "nokey-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(effect(ref, 5, 0)).post("/fixture/effects")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("code", equalTo("idempotency-key-missing"));
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, "bad key with spaces")
                .body(effect(ref, 5, 0)).post("/fixture/effects")
                .then().statusCode(400).body("code", equalTo("idempotency-key-invalid"));
        assertThat(effects(ref)).isZero();
    }

    @Test
    void retryReplaysFirstResult() {
        String ref = "replay-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        var first = given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(effect(ref, 5, 0))
                .post("/fixture/effects").then().statusCode(201).header(Idempotency.REPLAYED_HEADER, nullValue())
                .extract();
        var retry = given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(effect(ref, 5, 0))
                .post("/fixture/effects").then().statusCode(201).header(Idempotency.REPLAYED_HEADER, "true").extract();
        assertThat(retry.body().asString()).isEqualTo(first.body().asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(effects(ref)).isEqualTo(1);
    }

    /** An erasure forgets every stored answer that mentions the erased values, whoever asked; others stay. */
    @Test
    @TestSecurity(user = "bob")
    void forgettingDeletesTheAnswersThatMentionAValue() {
        String erased = "forget-" + UUID.randomUUID();
        String kept = "keep-" + UUID.randomUUID();
        String erasedKey = UUID.randomUUID().toString();
        String keptKey = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, erasedKey).body(effect(erased, 5, 0))
                .post("/fixture/effects").then().statusCode(201);
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, keptKey).body(effect(kept, 5, 0))
                .post("/fixture/effects").then().statusCode(201);

        long forgotten = QuarkusTransaction.requiringNew().call(() -> idempotency.forgetMentioning(List.of(erased, " ")));

        assertThat(forgotten).isEqualTo(1);
        assertThat(storedAnswersMentioning(erased)).isZero();
        assertThat(storedAnswersMentioning(kept)).isEqualTo(1);
        // A retry of the forgotten request runs afresh; the other is still replayed.
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, keptKey).body(effect(kept, 5, 0))
                .post("/fixture/effects").then().statusCode(201).header(Idempotency.REPLAYED_HEADER, "true");
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, erasedKey).body(effect(erased, 5, 0))
                .post("/fixture/effects").then().statusCode(201).header(Idempotency.REPLAYED_HEADER, nullValue());
    }

    private static long storedAnswersMentioning(String value) {
        return QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.count("locate(?1, responseBody) > 0", value));
    }

    @Test
    void sameKeyWithDifferentPayloadIs422() {
        String ref = "reuse-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(effect(ref, 5, 0))
                .post("/fixture/effects").then().statusCode(201);
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(effect(ref, 6, 0))
                .post("/fixture/effects").then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("idempotency-key-reused"));
        assertThat(effects(ref)).isEqualTo(1);
    }

    @Test
    void rejectedRequestLeavesNoTraceAndKeyStaysUsable() {
        String key = UUID.randomUUID().toString();
        String rejected = "reject-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(effect(rejected, 5, 0))
                .post("/fixture/effects").then().statusCode(422).body("code", equalTo("fixture-rejected"));
        assertThat(effects(rejected)).isZero();

        String corrected = "fixed-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(effect(corrected, 5, 0))
                .post("/fixture/effects").then().statusCode(201);
        assertThat(effects(corrected)).isEqualTo(1);
    }

    @Test
    void keyExpiresAfterRetention() {
        String key = UUID.randomUUID().toString();
        String ref = "expiry-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(effect(ref, 5, 0))
                .post("/fixture/effects").then().statusCode(201);
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(effect(ref, 7, 0))
                .post("/fixture/effects").then().statusCode(201).header(Idempotency.REPLAYED_HEADER, nullValue());
        assertThat(effects(ref)).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "alice")
    void keysAreScopedByCaller() {
        String key = UUID.randomUUID().toString();
        // Another caller (anonymous) already used this key for a different request.
        QuarkusTransaction.requiringNew().run(() -> {
            IdempotencyRecord other = new IdempotencyRecord();
            other.scope = CallerScope.ANONYMOUS;
            other.key = key;
            other.operation = "fixture.effect";
            other.requestHash = "someone else's request";
            other.responseStatus = 201;
            other.responseBody = "{\"id\": -1}";
            other.createdAt = clock.instant();
            other.expiresAt = clock.instant().plus(Duration.ofHours(1));
            other.persist();
        });
        String ref = "scoped-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(effect(ref, 5, 0))
                .post("/fixture/effects").then().statusCode(201).header(Idempotency.REPLAYED_HEADER, nullValue());
        assertThat(effects(ref)).isEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> assertThat(
                IdempotencyRecord.count("key = ?1 and scope = ?2", key, "principal:alice")).isEqualTo(1));
    }

    /** Many threads send the same request at once: one applies it, the rest wait (409) or replay. */
    @Test
    void concurrentDuplicatesApplyOnce() throws Exception {
        String ref = "race-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = effect(ref, 9, 300);
        List<HttpResponse<String>> responses = race(16, () -> post(key, body));

        Map<Integer, Long> statuses = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses.keySet()).isSubsetOf(201, 409);
        assertThat(statuses.get(201)).isGreaterThanOrEqualTo(1);
        assertThat(effects(ref)).isEqualTo(1);
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertThat(r.body()).contains("idempotency-request-in-flight");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        });
        String first = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().body();
        responses.stream().filter(r -> r.statusCode() == 201).forEach(r -> assertThat(r.body()).isEqualTo(first));

        // After the first finished, every retry replays it.
        HttpResponse<String> retry = post(key, body);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first);
    }

    /** 20 keys, each sent 10 times from 8 threads in random order: exactly one effect per key. */
    @Test
    void concurrentRetriesOfManyKeysApplyEachOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String[]> requests = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            for (int copy = 0; copy < 10; copy++) {
                requests.add(new String[] { run + "-key-" + k, effect(run + "-ref-" + k, k + 1, 5) });
            }
        }
        java.util.Collections.shuffle(requests);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (String[] request : requests) {
                futures.add(pool.submit(() -> post(request[0], request[1])));
            }
            for (Future<HttpResponse<String>> future : futures) {
                assertThat(future.get().statusCode()).isIn(201, 409);
            }
        } finally {
            pool.shutdown();
        }
        for (int k = 0; k < 20; k++) {
            assertThat(effects(run + "-ref-" + k)).as("effects of key %d", k).isEqualTo(1);
        }
    }

    static String effect(String ref, int amount, int holdMillis) {
        return """
                {"ref": "%s", "aggregate": "a", "seq": 1, "amount": %d, "holdMillis": %d}
                """.formatted(ref, amount, holdMillis);
    }

    static long effects(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> FixtureEffect.count("ref", ref));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static HttpResponse<String> post(String key, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/fixture/effects"))
                .header("Content-Type", "application/json")
                .header(Idempotency.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Starts {@code threads} calls at the same instant and returns every response. */
    static List<HttpResponse<String>> race(int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.send();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }
}
