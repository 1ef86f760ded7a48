package io.motcrm.loyalty.ledger;

import static io.motcrm.loyalty.Events.purchase;
import static io.motcrm.loyalty.Events.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;

/**
 * Earns and spends race on a few hot accounts, every request sent several times under its key (as a
 * client retrying a timeout would), some purchases re-sent under a new key (as a relay re-enqueueing
 * would). Afterwards the ledger must balance and each key must have produced exactly one effect.
 */
@QuarkusTest
@TestSecurity(user = "crm-client", roles = { "service", "agent" })
class ConcurrentPointsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CUSTOMERS = 3;
    private static final int PURCHASES_PER_CUSTOMER = 12;
    private static final int SPENDS_PER_CUSTOMER = 16;
    private static final long SPEND_POINTS = 150;

    record Call(String key, String path, String body, boolean spend, UUID customer) {
    }

    @Test
    void racingEarnsAndSpendsWithRetriesKeepTheLedgerExact() throws Exception {
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(register());
        }
        Instant unlockedPurchaseTime = Instant.now().minusSeconds(60L * 86_400);
        List<Call> distinct = new ArrayList<>();
        List<Call> sends = new ArrayList<>();
        for (UUID customer : customers) {
            for (int p = 0; p < PURCHASES_PER_CUSTOMER; p++) {
                String body = purchase(customer, UUID.randomUUID(), unlockedPurchaseTime, 10_000 + 1_000L * p, "general");
                Call call = new Call(UUID.randomUUID().toString(), "/internal/v1/events/purchase-recorded", body, false, customer);
                distinct.add(call);
                sends.addAll(Collections.nCopies(3, call));
                if (p % 4 == 0) {
                    // The same purchase under a new key: the domain must still book it once.
                    Call resent = new Call(UUID.randomUUID().toString(), call.path(), body, false, customer);
                    distinct.add(resent);
                    sends.add(resent);
                }
            }
            for (int s = 0; s < SPENDS_PER_CUSTOMER; s++) {
                String body = "{\"points\": %d, \"reference\": \"till-%s\"}".formatted(SPEND_POINTS, UUID.randomUUID());
                Call call = new Call(UUID.randomUUID().toString(), "/api/v1/loyalty/customers/" + customer + "/spends",
                        body, true, customer);
                distinct.add(call);
                sends.addAll(Collections.nCopies(2, call));
            }
        }
        Collections.shuffle(sends);

        Map<String, List<HttpResponse<String>>> byKey = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Call call : sends) {
                futures.add(pool.submit(() -> send(call)));
            }
            for (int i = 0; i < sends.size(); i++) {
                HttpResponse<String> response = futures.get(i).get();
                assertThat(response.statusCode()).as(response.body()).isIn(200, 201, 409, 422);
                byKey.computeIfAbsent(sends.get(i).key(), k -> new ArrayList<>()).add(response);
            }
        } finally {
            pool.shutdown();
        }

        // Each key once more, after the race: its final answer.
        long granted = 0;
        long spent = 0;
        Set<Long> spendTransactions = new HashSet<>();
        Map<String, Long> transactionOfPurchase = new HashMap<>();
        for (Call call : distinct) {
            HttpResponse<String> last = send(call);
            if (call.spend()) {
                assertThat(last.statusCode()).as(last.body()).isIn(201, 422);
                if (last.statusCode() == 201) {
                    long transaction = JSON.readTree(last.body()).get("transactionId").asLong();
                    assertThat(spendTransactions.add(transaction)).as("one transaction per spend key").isTrue();
                    spent += SPEND_POINTS;
                    for (HttpResponse<String> earlier : byKey.get(call.key())) {
                        if (earlier.statusCode() == 201) {
                            assertThat(earlier.body()).isEqualTo(last.body());
                        }
                    }
                } else {
                    assertThat(last.body()).contains("insufficient-points");
                }
            } else {
                assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
                JsonNode answer = JSON.readTree(last.body());
                String purchase = answer.get("purchaseId").asText();
                long earn = answer.get("earnTransactionId").asLong();
                Long known = transactionOfPurchase.putIfAbsent(purchase, earn);
                if (known == null) {
                    granted += answer.get("grantedPoints").asLong();
                } else {
                    assertThat(earn).as("a purchase re-sent under a new key books nothing new").isEqualTo(known);
                }
                for (HttpResponse<String> earlier : byKey.get(call.key())) {
                    if (earlier.statusCode() == 200) {
                        assertThat(earlier.body()).isEqualTo(last.body());
                    }
                }
            }
        }

        long expectedPosted = CUSTOMERS * 500L + granted - spent;
        long posted = QuarkusTransaction.requiringNew().call(() -> customers.stream()
                .mapToLong(customer -> Account.findCustomer(customer).orElseThrow().posted).sum());
        assertThat(posted).isEqualTo(expectedPosted);
        long spendsBooked = QuarkusTransaction.requiringNew().call(() -> customers.stream()
                .mapToLong(customer -> LedgerTransaction.count("kind = ?1 and reference like ?2", TransactionKind.SPEND,
                        "spend:" + customer + ":%"))
                .sum());
        assertThat(spendsBooked).isEqualTo(spendTransactions.size());
        long earnsBooked = QuarkusTransaction.requiringNew().call(() -> customers.stream()
                .mapToLong(customer -> LedgerEntry.count(
                        "accountId = ?1 and transactionId in (select t.id from LedgerTransaction t where t.kind = ?2)",
                        Account.findCustomer(customer).orElseThrow().id, TransactionKind.EARN))
                .sum());
        // welcome + one base earn per purchase + one first-purchase bonus per customer
        assertThat(earnsBooked).isEqualTo(CUSTOMERS * (1L + PURCHASES_PER_CUSTOMER + 1));
        assertThat(spent).as("the race did spend").isPositive();
        LedgerInvariants.check();
    }

    private static HttpResponse<String> send(Call call) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + call.path()))
                .header("Content-Type", "application/json")
                .header(Idempotency.HEADER, call.key())
                .POST(HttpRequest.BodyPublishers.ofString(call.body()))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
