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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.loyalty.RawCalls.Call;
import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The concurrency proof. On three hot accounts, at once: partners authorize holds with one-time
 * codes and then capture (all or part), void, or capture and refund them; customer-service's
 * purchases earn; partners earn; customers donate; agents compensate. Every request is sent twice
 * at the same moment under its Idempotency-Key (a client retrying a timeout), and sent once more
 * after the race. Real signed tokens go through the whole HTTP stack. Afterwards:
 * <ul>
 * <li>no answer was a 5xx;</li>
 * <li>every transaction sums to zero, no customer account is negative, cached balances match the
 * entries and lots, HOLDS holds exactly the pending holds, each partner's account equals its
 * captures - refunds - earns, and customer points = issued - expired - spent - held - redeemed at
 * partners - donated - forfeited ({@link LedgerInvariants});</li>
 * <li>each idempotency key that succeeded produced exactly one ledger transaction, and the race
 * produced no transaction that no key accounts for;</li>
 * <li>every replay returned the first response, byte for byte.</li>
 * </ul>
 */
@QuarkusTest
class RedemptionRaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CUSTOMERS = 3;
    private static final int CHAINS_PER_CUSTOMER = 8;
    private static final int OTHER_WRITES_PER_CUSTOMER = 6;


    /** Every answer per key, and the ledger transaction each successful key produced. */
    private final Map<String, List<HttpResponse<String>>> answers = new ConcurrentHashMap<>();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(16);

    @Test
    void racingRedemptionsEarnsAndDonationsWithRetriesKeepTheLedgerExact() throws Exception {
        String service = TestTokens.bearer("customer-service", Set.of(Roles.SERVICE, Roles.AGENT), Map.of());
        String admin = TestTokens.bearer("admin-ana", Set.of(Roles.ADMIN), Map.of());
        List<UUID> customers = new ArrayList<>();
        Map<UUID, String> customerTokens = new ConcurrentHashMap<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            UUID customer = UUID.randomUUID();
            customers.add(customer);
            customerTokens.put(customer, TestTokens.bearer("user-" + customer, Set.of(Roles.CUSTOMER),
                    Map.of("customer_id", customer.toString())));
            expect(send(new Call(service, "/internal/v1/events/customer-registered", registered(customer), key())), 200);
            // 500 welcome + 1 000 base + 10 000 first-purchase bonus, long out of the return window.
            expect(send(new Call(service, "/internal/v1/events/purchase-recorded",
                    purchase(customer, UUID.randomUUID(), Instant.now().minusSeconds(90L * 86_400), 100_000, "general"),
                    key())), 200);
        }
        List<String> partners = new ArrayList<>();
        Map<String, String> partnerTokens = new ConcurrentHashMap<>();
        for (int i = 0; i < 2; i++) {
            String partner = "race-" + UUID.randomUUID().toString().substring(0, 8);
            expect(send(new Call(admin, "/api/v1/loyalty/partners", """
                    {"id": "%s", "name": "Race partner", "pointValueMinor": 3, "earnMinorPerPoint": 100}
                    """.formatted(partner), key())), 201);
            partners.add(partner);
            partnerTokens.put(partner, TestTokens.bearer(partner + "-backend", Set.of(Roles.PARTNER),
                    Map.of("partner_id", partner)));
        }
        String charity = "race-" + UUID.randomUUID().toString().substring(0, 8);
        expect(send(new Call(admin, "/api/v1/loyalty/charities",
                "{\"id\": \"%s\", \"name\": \"Race charity\"}".formatted(charity), key())), 201);
        Map<UUID, List<String>> codes = new ConcurrentHashMap<>();
        for (UUID customer : customers) {
            List<String> list = new ArrayList<>();
            for (int i = 0; i < CHAINS_PER_CUSTOMER; i++) {
                HttpResponse<String> code = send(new Call(customerTokens.get(customer),
                        "/api/v1/loyalty/customers/" + customer + "/redemption-codes", "{}", key()));
                expect(code, 201);
                list.add(JSON.readTree(code.body()).get("code").asText());
            }
            codes.put(customer, list);
        }
        long lastTransactionBefore = lastTransactionId();
        answers.clear();
        calls.clear();

        // The race.
        Random random = new Random(42);
        List<Runnable> work = new ArrayList<>();
        for (UUID customer : customers) {
            for (int i = 0; i < CHAINS_PER_CUSTOMER; i++) {
                String partner = partners.get(i % partners.size());
                String code = codes.get(customer).get(i);
                long points = 1_000 + random.nextInt(3_000);
                int ending = i % 4;
                work.add(() -> chain(partnerTokens.get(partner), code, points, ending));
            }
            for (int i = 0; i < OTHER_WRITES_PER_CUSTOMER; i++) {
                String partner = partners.get(i % partners.size());
                int kind = i % 4;
                work.add(() -> {
                    switch (kind) {
                        case 0 -> twice(new Call(service, "/internal/v1/events/purchase-recorded",
                                purchase(customer, UUID.randomUUID(), Instant.now().minusSeconds(90L * 86_400), 20_000,
                                        "general"), key()));
                        case 1 -> twice(new Call(partnerTokens.get(partner), "/partner/v1/earns", """
                                {"memberCode": "M-%s", "amountMinor": 3000, "reference": "r-%s"}
                                """.formatted(customer.toString().substring(0, 8), UUID.randomUUID()), key()));
                        case 2 -> twice(new Call(customerTokens.get(customer), "/api/v1/loyalty/customers/" + customer
                                + "/donations", "{\"charityId\": \"%s\", \"points\": 700}".formatted(charity), key()));
                        default -> twice(new Call(service, "/internal/v1/compensations", """
                                {"actionId": "%s", "customerId": "%s", "caseId": "%s", "points": 40}
                                """.formatted(UUID.randomUUID(), customer, UUID.randomUUID()), key()));
                    }
                });
            }
        }
        Collections.shuffle(work, random);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable task : work) {
                running.add(workers.submit(task));
            }
            for (Future<?> task : running) {
                task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
        long raceMillis = (System.nanoTime() - started) / 1_000_000;

        // Afterwards: every key once more; its answer must be the first one, and one transaction each.
        Set<Long> transactions = new HashSet<>();
        int succeeded = 0;
        int rejected = 0;
        for (Map.Entry<String, Call> entry : calls.entrySet()) {
            HttpResponse<String> last = send(entry.getValue());
            assertThat(last.statusCode()).as(last.body()).isIn(200, 201, 409, 422);
            for (HttpResponse<String> earlier : answers.get(entry.getKey())) {
                assertThat(earlier.statusCode()).as("no answer is a server error: " + earlier.body()).isLessThan(500);
                if (earlier.statusCode() < 300) {
                    assertThat(last.statusCode()).isEqualTo(earlier.statusCode());
                    assertThat(last.body()).as("a replay returns the first response").isEqualTo(earlier.body());
                }
            }
            if (last.statusCode() < 300) {
                succeeded++;
                long transaction = transactionOf(JSON.readTree(last.body()));
                assertThat(transactions.add(transaction)).as("each key has its own ledger transaction").isTrue();
            } else {
                rejected++;
                assertThat(last.body()).containsAnyOf("insufficient-points", "redemption-code-used");
            }
        }
        long bookedInRace = QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count("id > ?1", lastTransactionBefore));
        assertThat(bookedInRace).as("ledger transactions booked = keys that succeeded").isEqualTo(succeeded);
        assertThat(QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count("id in ?1", transactions)))
                .isEqualTo(transactions.size());
        assertThat(succeeded).as("the race did real work").isGreaterThan(CUSTOMERS * CHAINS_PER_CUSTOMER);
        LedgerInvariants.check();
        System.out.printf("Redemption race: %d keys succeeded, %d rejected, race took %d ms%n", succeeded, rejected, raceMillis);
        senders.shutdownNow();
    }

    /** Authorize, then: 0 capture all, 1 capture part, 2 void, 3 capture all and refund twice. */
    private void chain(String partner, String code, long points, int ending) {
        HttpResponse<String> authorized = twice(new Call(partner, "/partner/v1/redemptions",
                "{\"code\": \"%s\", \"points\": %d, \"reference\": \"till-%s\"}".formatted(code, points, key()), key()));
        if (authorized == null) {
            return;
        }
        String id = read(authorized).get("id").asText();
        String base = "/partner/v1/redemptions/" + id;
        switch (ending) {
            case 0 -> twice(new Call(partner, base + "/capture", "{}", key()));
            case 1 -> twice(new Call(partner, base + "/capture", "{\"points\": %d}".formatted(points / 2), key()));
            case 2 -> twice(new Call(partner, base + "/void", "", key()));
            default -> {
                if (twice(new Call(partner, base + "/capture", "{}", key())) != null) {
                    Call refund = new Call(partner, base + "/refunds",
                            "{\"points\": %d, \"reference\": \"ret-%s\"}".formatted(points / 3, key()), key());
                    Call another = new Call(partner, base + "/refunds",
                            "{\"points\": %d, \"reference\": \"ret-%s\"}".formatted(points / 3, key()), key());
                    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> twice(refund), senders);
                    twice(another);
                    first.join();
                }
            }
        }
    }

    /** Sends the call twice at once (a retry racing the original); the successful answer, if any. */
    private HttpResponse<String> twice(Call call) {
        calls.put(call.key(), call);
        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> send(call), senders);
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> send(call), senders);
        List<HttpResponse<String>> both = List.of(one.join(), two.join());
        answers.computeIfAbsent(call.key(), k -> Collections.synchronizedList(new ArrayList<>())).addAll(both);
        return both.stream().filter(r -> r.statusCode() < 300).findFirst().orElse(null);
    }


    private static long transactionOf(JsonNode answer) {
        JsonNode transaction = answer.has("earnTransactionId") ? answer.get("earnTransactionId") : answer.get("transactionId");
        assertThat(transaction).as(answer.toString()).isNotNull();
        assertThat(transaction.isNull()).as(answer.toString()).isFalse();
        return transaction.asLong();
    }




}
