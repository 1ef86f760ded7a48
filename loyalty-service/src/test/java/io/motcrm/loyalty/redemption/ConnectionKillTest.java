package io.motcrm.loyalty.redemption;

import static io.motcrm.loyalty.Events.purchase;
import static io.motcrm.loyalty.Events.registered;
import static io.motcrm.loyalty.RawCalls.expect;
import static io.motcrm.loyalty.RawCalls.key;
import static io.motcrm.loyalty.RawCalls.lastTransactionId;
import static io.motcrm.loyalty.RawCalls.read;
import static io.motcrm.loyalty.RawCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.loyalty.RawCalls.Call;
import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Partners authorize and capture redemptions while PostgreSQL's connections are killed under the
 * application ({@code pg_terminate_backend} of all of them, every 100-250 ms for 8 s). A request
 * whose database work fails answers 503 with {@code Retry-After} (never a 500), and nothing of it
 * stays; the partner retries with the same key until it gets an answer. Afterwards each key has exactly one ledger
 * transaction, a last retry replays the first answer, and the ledger's invariants hold.
 */
@QuarkusTest
class ConnectionKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CUSTOMERS = 2;
    private static final int CODES_PER_CUSTOMER = 10;
    private static final Duration CHAOS = Duration.ofSeconds(8);

    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Map<String, HttpResponse<String>> firstAnswers = new ConcurrentHashMap<>();
    private final AtomicInteger unavailable = new AtomicInteger();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void killedConnectionsLoseNothingAndRetriesWithTheSameKeysSucceedOnce() throws Exception {
        String service = TestTokens.bearer("customer-service", Set.of(Roles.SERVICE), Map.of());
        String admin = TestTokens.bearer("admin-ana", Set.of(Roles.ADMIN), Map.of());
        String partner = "kill-" + UUID.randomUUID().toString().substring(0, 8);
        expect(send(new Call(admin, "/api/v1/loyalty/partners", """
                {"id": "%s", "name": "Chaos partner", "pointValueMinor": 3, "earnMinorPerPoint": 100}
                """.formatted(partner), key())), 201);
        String partnerToken = TestTokens.bearer(partner + "-backend", Set.of(Roles.PARTNER), Map.of("partner_id", partner));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            UUID customer = UUID.randomUUID();
            String customerToken = TestTokens.bearer("user-" + customer, Set.of(Roles.CUSTOMER),
                    Map.of("customer_id", customer.toString()));
            expect(send(new Call(service, "/internal/v1/events/customer-registered", registered(customer), key())), 200);
            expect(send(new Call(service, "/internal/v1/events/purchase-recorded",
                    purchase(customer, UUID.randomUUID(), Instant.now().minusSeconds(90L * 86_400), 100_000, "general"),
                    key())), 200);
            for (int c = 0; c < CODES_PER_CUSTOMER; c++) {
                HttpResponse<String> code = send(new Call(customerToken,
                        "/api/v1/loyalty/customers/" + customer + "/redemption-codes", "{}", key()));
                expect(code, 201);
                codes.add(JSON.readTree(code.body()).get("code").asText());
            }
        }
        long lastTransactionBefore = lastTransactionId();

        AtomicBoolean chaos = new AtomicBoolean(true);
        AtomicInteger killed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(7);
        Future<?> killer = pool.submit(() -> killConnections(chaos, killed));
        try {
            List<Future<?>> chains = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                long points = 500 + 37L * i;
                chains.add(pool.submit(() -> chain(partnerToken, code, points)));
            }
            for (Future<?> chain : chains) {
                chain.get(60, TimeUnit.SECONDS);
            }
        } finally {
            chaos.set(false);
            killer.get(10, TimeUnit.SECONDS);
            pool.shutdownNow();
        }

        // Calm again. Connections killed in the last round may still idle in the pool; an operator's
        // flush (or the first request on each, answering 503) clears them.
        dataSource.flush(AgroalDataSource.FlushMode.INVALID);
        // Every key once more replays its first answer, and each has one ledger transaction.
        Set<Long> transactions = new HashSet<>();
        for (Map.Entry<String, Call> entry : calls.entrySet()) {
            HttpResponse<String> first = firstAnswers.get(entry.getKey());
            HttpResponse<String> again = answered(entry.getValue());
            assertThat(again.statusCode()).as(again.body()).isEqualTo(first.statusCode());
            assertThat(again.body()).as("a retry replays the first answer").isEqualTo(first.body());
            assertThat(transactions.add(JSON.readTree(again.body()).get("transactionId").asLong()))
                    .as("each key has its own ledger transaction").isTrue();
        }
        long booked = QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count("id > ?1", lastTransactionBefore));
        assertThat(booked).as("ledger transactions booked = keys answered").isEqualTo(calls.size());
        assertThat(calls).hasSize(2 * codes.size());
        assertThat(killed.get()).as("connections were really killed").isPositive();
        LedgerInvariants.check();
        System.out.printf("Connection kills: %d backends terminated, %d answers were 503 and retried, %d keys%n",
                killed.get(), unavailable.get(), calls.size());
    }

    /** Authorize with the code, then capture the hold; each step retried under its key until answered. */
    private void chain(String partner, String code, long points) {
        HttpResponse<String> authorized = untilAnswered(new Call(partner, "/partner/v1/redemptions",
                "{\"code\": \"%s\", \"points\": %d}".formatted(code, points), key()));
        expect(authorized, 201);
        String id = read(authorized).get("id").asText();
        expect(untilAnswered(new Call(partner, "/partner/v1/redemptions/" + id + "/capture", "{}", key())), 200);
    }

    /** Sends until answered (see {@link #answered}) and remembers the first answer under the key. */
    private HttpResponse<String> untilAnswered(Call call) {
        calls.put(call.key(), call);
        HttpResponse<String> answer = answered(call);
        firstAnswers.putIfAbsent(call.key(), answer);
        return answer;
    }

    /** Sends until the answer is neither "database unavailable" nor "your first attempt is still running". */
    private HttpResponse<String> answered(Call call) {
        for (int attempt = 0; attempt < 200; attempt++) {
            HttpResponse<String> answer = send(call);
            if (answer.statusCode() >= 500) {
                assertThat(answer.statusCode()).as("a database failure is a 503, never a 500: " + answer.body())
                        .isEqualTo(503);
                assertThat(answer.body()).contains("service-unavailable");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                unavailable.incrementAndGet();
            } else if (!(answer.statusCode() == 409 && answer.body().contains("idempotency-request-in-flight"))) {
                return answer;
            }
            pause(50);
        }
        throw new AssertionError("no answer for " + call.path() + " after 200 attempts");
    }

    /**
     * Terminates every other connection to the test database every 100-250 ms, for at most
     * {@link #CHAOS} and while {@code chaos} holds: long enough to hit requests at every step, short
     * enough that the retries then get through.
     */
    private static void killConnections(AtomicBoolean chaos, AtomicInteger killed) {
        long until = System.nanoTime() + CHAOS.toNanos();
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            while (chaos.get() && System.nanoTime() < until) {
                try (ResultSet result = statement.executeQuery("""
                        select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
                        """)) {
                    result.next();
                    killed.addAndGet(result.getInt(1));
                }
                pause(100 + (long) (Math.random() * 150));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
