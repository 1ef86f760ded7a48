package io.motcrm.system;

import static io.motcrm.system.Suite.signUp;
import static io.motcrm.system.Suite.staff;
import static io.motcrm.system.Suite.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * loyalty-service crashes ({@code kill -9}) while staff record purchases and compensate customers on
 * complaint cases, and comes back: customer-service's and feedback-service's outboxes hold what loyalty
 * missed and deliver it once it is back. Afterwards every purchase has earned exactly once, every
 * compensation is granted exactly once, no outbox message is dead or left behind, and the ledger audit
 * finds no violation. Run by {@code ./crm chaos} (and at the end of {@code ./crm test}).
 */
class LoyaltyCrashChaos {

    private static final int CUSTOMERS = 4;
    private static final Duration PURCHASE_EVERY = Duration.ofMillis(200);
    private static final Duration COMPENSATION_EVERY = Duration.ofMillis(1_500);
    /** Writes go on this long after loyalty-service is back, so some arrive while it is warming up. */
    private static final Duration AFTER_RESTART = Duration.ofSeconds(3);
    private static final Duration DRAIN = Duration.ofMinutes(3);
    private static final String AGENT = "agent.choi";

    private record Purchase(UUID customer, String id) {
    }

    private record Compensation(UUID customer, String actionId, long points) {
    }

    private final List<Purchase> purchases = new CopyOnWriteArrayList<>();
    private final List<Compensation> compensations = new CopyOnWriteArrayList<>();

    @Test
    void everyPurchaseAndCompensationIsBookedExactlyOnceAcrossALoyaltyCrash() throws Exception {
        Instant started = Instant.now();
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(signUp(null));
        }
        // Accounts open with the welcome bonus: loyalty-service is up and the suite is settled.
        for (UUID customer : customers) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> statement(customer).size() > 0);
        }
        Map<UUID, String> cases = new HashMap<>();
        for (UUID customer : customers) {
            cases.put(customer, openCase(customer));
        }

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> purchasing = pool.submit(() -> recordPurchases(customers, writing));
        Future<?> compensating = pool.submit(() -> compensate(cases, writing));
        Instant crashed;
        Instant back;
        try {
            Thread.sleep(2_000);
            crashed = Instant.now();
            SuiteProcesses.crash("loyalty-service");
            Thread.sleep(2_000);
            SuiteProcesses.start("loyalty-service");
            back = Instant.now();
            Thread.sleep(AFTER_RESTART.toMillis());
        } finally {
            writing.set(false);
        }
        purchasing.get(1, TimeUnit.MINUTES);
        compensating.get(1, TimeUnit.MINUTES);
        pool.shutdown();
        long writtenWhileDown = purchases.size();

        // Drained: every reference we caused is in the customers' statements.
        Instant drainStart = Instant.now();
        await().atMost(DRAIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (UUID customer : customers) {
                assertThat(references(customer).keySet()).containsAll(expectedReferences(customer));
            }
        });
        Duration drained = Duration.between(drainStart, Instant.now());
        // Settled: a few seconds on, nothing has been booked twice and nothing more arrives.
        Thread.sleep(5_000);
        for (UUID customer : customers) {
            Map<String, Long> booked = references(customer);
            for (String reference : expectedReferences(customer)) {
                assertThat(booked.get(reference)).as("transactions booked for " + reference).isEqualTo(1L);
            }
        }
        for (Compensation compensation : compensations) {
            long granted = statement(compensation.customer()).stream()
                    .filter(line -> ("compensation:" + compensation.actionId()).equals(line.get("reference")))
                    .mapToLong(line -> ((Number) line.get("amount")).longValue()).sum();
            assertThat(granted).as("points granted for action " + compensation.actionId()).isEqualTo(compensation.points());
        }
        Invariants.outboxDrained("customer-service", started);
        Invariants.outboxDrained("feedback-service", started);
        Invariants.ledgerAuditClean();
        System.out.printf("Loyalty crash: down %d s (kill -9 to ready), %d purchases and %d compensations recorded"
                + " meanwhile, all booked exactly once %d s after the writes stopped%n",
                Duration.between(crashed, back).toSeconds(), writtenWhileDown, compensations.size(), drained.toSeconds());
    }

    private void recordPurchases(List<UUID> customers, AtomicBoolean writing) {
        int n = 0;
        while (writing.get()) {
            UUID customer = customers.get(n++ % customers.size());
            Map<String, Object> purchase = Map.of("source", "chaos", "externalOrderId", "chaos-" + UUID.randomUUID(),
                    "occurredAt", Instant.now().minusSeconds(60).toString(), "channel", "STORE",
                    "lines", List.of(Map.of("sku", "TEA-01", "category", "tea", "quantity", 1, "unitPriceMinor", 5_000)));
            String id = write(staff(AGENT), purchase).post("/api/v1/customers/" + customer + "/purchases")
                    .then().statusCode(201).extract().path("id");
            purchases.add(new Purchase(customer, id));
            pause(PURCHASE_EVERY);
        }
    }

    private void compensate(Map<UUID, String> cases, AtomicBoolean writing) {
        List<Map.Entry<UUID, String>> open = new ArrayList<>(cases.entrySet());
        int n = 0;
        while (writing.get()) {
            Map.Entry<UUID, String> target = open.get(n++ % open.size());
            long points = 10;
            String actionId = write(staff(AGENT), Map.of("kind", "COMPENSATION_POINTS", "points", points,
                            "note", "Chaos run: sorry for the wait."))
                    .post("/api/v1/cases/" + target.getValue() + "/actions")
                    .then().statusCode(201).extract().path("id");
            compensations.add(new Compensation(target.getKey(), actionId, points));
            pause(COMPENSATION_EVERY);
        }
    }

    /** A complaint an agent takes on the phone for the customer, moved to "in progress". */
    private static String openCase(UUID customer) {
        String caseId = write(staff(AGENT), Map.of("type", "COMPLAINT", "touchpointCode", "store-gangnam",
                        "channel", "CALL_CENTRE", "text", "Chaos run complaint.", "customerId", customer.toString()))
                .post("/api/v1/feedback")
                .then().statusCode(201).extract().path("caseId");
        // The case's owner (a member of the store team) moves it.
        String owner = staff("supervisor.lee").get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().path("ownerName");
        for (String status : List.of("ACKNOWLEDGED", "IN_PROGRESS")) {
            staff(owner).contentType("application/json").body(Map.of("status", status))
                    .post("/api/v1/cases/" + caseId + "/status").then().statusCode(200);
        }
        return caseId;
    }

    private List<String> expectedReferences(UUID customer) {
        List<String> expected = new ArrayList<>();
        purchases.stream().filter(p -> p.customer().equals(customer)).forEach(p -> expected.add("purchase:" + p.id()));
        compensations.stream().filter(c -> c.customer().equals(customer))
                .forEach(c -> expected.add("compensation:" + c.actionId()));
        return expected;
    }

    /** How many statement lines (transactions) carry each reference. */
    private static Map<String, Long> references(UUID customer) {
        return statement(customer).stream()
                .collect(Collectors.groupingBy(line -> String.valueOf(line.get("reference")), Collectors.counting()));
    }

    /** The customer's whole statement (these customers are new: a few pages at most). */
    private static List<Map<String, Object>> statement(UUID customer) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = staff(AGENT).get("/api/v1/loyalty/customers/" + customer + "/statement?size=100&page=" + page)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            lines.addAll(items);
            if (items.size() < 100) {
                return lines;
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
