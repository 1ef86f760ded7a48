package io.motcrm.system;

import static io.motcrm.system.Suite.as;
import static io.motcrm.system.Suite.userToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** What must hold after any fault, checked on the running suite as an administrator would. */
final class Invariants {

    static final String ADMIN = "admin.park";
    private static final Map<String, String> SERVICES = Map.of(
            "customer-service", Suite.setting("motcrm.customer-service.url", "http://localhost:8081"),
            "feedback-service", Suite.setting("motcrm.feedback-service.url", "http://localhost:8082"),
            "loyalty-service", Suite.setting("motcrm.loyalty-service.url", "http://localhost:8083"));

    private Invariants() {
    }

    /**
     * No outbox message created since {@code since} is dead (given up on) or, after a short wait for the
     * relay (it polls every second), still waiting: each was delivered. Asked of the service directly (its
     * operations API is not routed by the gateway).
     */
    static void outboxDrained(String service, Instant since) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(500)).untilAsserted(() -> {
                    for (String status : List.of("DEAD", "PENDING")) {
                        List<Map<String, Object>> left = messages(service, status).stream()
                                .filter(message -> !Instant.parse(String.valueOf(message.get("createdAt"))).isBefore(since))
                                .toList();
                        assertThat(left).as(service + " outbox messages still " + status).isEmpty();
                    }
                });
    }

    /** loyalty-service's own audit of the whole ledger (through the gateway) finds nothing wrong. */
    static void ledgerAuditClean() {
        JsonPath audit = as(ADMIN).get("/api/v1/loyalty/ledger/audit").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> violated = audit.<Map<String, Object>>getList("invariants").stream()
                .filter(invariant -> ((Number) invariant.get("violations")).longValue() > 0).toList();
        assertThat(violated).as("ledger invariants violated").isEmpty();
        assertThat(audit.getBoolean("ok")).isTrue();
    }

    private static List<Map<String, Object>> messages(String service, String status) {
        List<Map<String, Object>> all = new ArrayList<>();
        Object after = 0;
        while (after != null) {
            JsonPath page = given().baseUri(SERVICES.get(service)).header("Authorization", "Bearer " + userToken(ADMIN))
                    .get("/admin/outbox?size=200&status=" + status + "&after=" + after)
                    .then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            after = page.get("nextAfter");
        }
        return all;
    }
}
