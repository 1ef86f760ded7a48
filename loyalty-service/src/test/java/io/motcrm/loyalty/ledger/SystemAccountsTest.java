package io.motcrm.loyalty.ledger;

import static io.motcrm.loyalty.Events.oldPurchase;
import static io.motcrm.loyalty.Events.purchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.balance;
import static io.motcrm.loyalty.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.loyalty.earn.PurchaseEarn;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;

/**
 * The two ledger defects, fixed: system accounts are never locked nor cached (so they serialise
 * nothing), and the same purchase arriving twice at once is answered, never a 500.
 */
@QuarkusTest
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class SystemAccountsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    private static HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header(Idempotency.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void writesGoThroughWhileEverySystemAccountRowIsLockedElsewhere() throws Exception {
        UUID customer = register();
        oldPurchase(customer, 10_000);
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                // The lock an UPDATE of a balance column takes. Writes now only reference system
                // accounts (the foreign keys take FOR KEY SHARE, which does not conflict with it).
                statement.execute("select id from account where type <> 'CUSTOMER' for no key update");
                ExecutorService pool = Executors.newSingleThreadExecutor();
                try {
                    Future<List<Integer>> writes = pool.submit(() -> List.of(
                            post("/internal/v1/events/purchase-recorded", key(),
                                    purchase(customer, UUID.randomUUID(), Instant.now(), 20_000, "general")).statusCode(),
                            post("/api/v1/loyalty/customers/" + customer + "/spends", key(),
                                    "{\"points\": 100, \"reference\": \"till-%s\"}".formatted(UUID.randomUUID())).statusCode(),
                            post("/internal/v1/compensations", key(), """
                                    {"actionId": "%s", "customerId": "%s", "caseId": "%s", "points": 50}
                                    """.formatted(UUID.randomUUID(), customer, UUID.randomUUID())).statusCode()));
                    assertThat(writes.get(15, TimeUnit.SECONDS)).containsExactly(200, 201, 200);
                } finally {
                    pool.shutdownNow();
                }
            }
            blocker.rollback();
        }
        balance(customer).body("posted", equalTo(1_600 + 200 - 100 + 50));
        long cached = QuarkusTransaction.requiringNew().call(() -> Account.<Account>list("type <> ?1", AccountType.CUSTOMER)
                .stream().mapToLong(a -> Math.abs(a.posted) + a.held + a.locked).sum());
        assertThat(cached).as("system accounts keep no cached balance").isZero();
    }

    @Test
    void theSamePurchaseArrivingManyTimesAtOnceIsBookedOnceAndNeverA500() throws Exception {
        UUID first = register();
        UUID second = register();
        UUID purchase = UUID.randomUUID();
        Instant occurred = Instant.now();
        int senders = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                // Same purchase id under new keys; a third of them claim it for another customer.
                UUID customer = i % 3 == 2 ? second : first;
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("/internal/v1/events/purchase-recorded", key(),
                            purchase(customer, purchase, occurred, 50_000, "general"));
                }));
            }
            start.countDown();
            int booked = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isIn(200, 422);
                if (response.statusCode() == 200 && response.body().contains("\"duplicate\":false")) {
                    booked++;
                }
            }
            assertThat(booked).as("exactly one sender booked the purchase").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> PurchaseEarn.count("purchaseId", purchase))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count("kind = ?1 and reference = ?2",
                TransactionKind.EARN, "purchase:" + purchase))).isEqualTo(1);
    }
}
