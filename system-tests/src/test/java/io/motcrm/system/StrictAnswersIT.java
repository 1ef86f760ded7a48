package io.motcrm.system;

import static io.motcrm.system.Suite.as;
import static io.motcrm.system.Suite.customerIdOf;
import static io.motcrm.system.Suite.gateway;
import static io.motcrm.system.Suite.staff;
import static io.motcrm.system.Suite.write;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The walk-through's findings, through the gateway: values are taken as declared, a number too large for its
 * field is named, field errors are violations, parameters are named with what they take, no framework wording,
 * and browsers get the headers they need and a problem when their origin is refused.
 */
class StrictAnswersIT {

    @Test
    void aFractionOfAPointIsNotRoundedDown() {
        UUID hana = customerIdOf("customer.hana");
        write(as("customer.hana"), "{\"charityId\": \"green-forest\", \"points\": 2.7}")
                .post("/api/v1/loyalty/customers/" + hana + "/donations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-field")).body("violations[0].field", equalTo("points"));
    }

    @Test
    void aPointsStringIsNotANumber() {
        UUID hana = customerIdOf("customer.hana");
        write(staff("agent.kim"), "{\"points\": \"5\", \"reference\": \"st-" + UUID.randomUUID() + "\"}")
                .post("/api/v1/loyalty/customers/" + hana + "/spends")
                .then().statusCode(400).body("code", equalTo("invalid-field")).body("violations[0].field", equalTo("points"));
    }

    @Test
    void aNumberTooLargeIsNamedNotCalledInvalidJson() {
        UUID hana = customerIdOf("customer.hana");
        write(staff("agent.kim"), "{\"points\": 1e30, \"reference\": \"st-" + UUID.randomUUID() + "\"}")
                .post("/api/v1/loyalty/customers/" + hana + "/spends")
                .then().statusCode(400).body("code", equalTo("invalid-field"))
                .body("violations[0].field", equalTo("points"))
                .body("detail", not(containsString("not valid JSON")));
        write(staff("agent.kim"), "{\"points\": 99999999999999999999, \"reference\": \"st-" + UUID.randomUUID() + "\"}")
                .post("/api/v1/loyalty/customers/" + hana + "/spends")
                .then().statusCode(400).body("violations[0].field", equalTo("points"));
    }

    @Test
    void aHalfItemIsNotOneItem() {
        UUID customer = Suite.signUp(null);
        Map<String, Object> purchase = Map.of("source", "web-shop", "externalOrderId", "st-" + UUID.randomUUID(),
                "occurredAt", Instant.now().minusSeconds(60).toString(), "channel", "WEB",
                "lines", List.of(Map.of("sku", "TEA-01", "category", "tea", "quantity", 1.5, "unitPriceMinor", 15_000)));
        write(staff("agent.kim"), purchase).post("/api/v1/customers/" + customer + "/purchases")
                .then().statusCode(400).body("code", equalTo("invalid-field"))
                .body("violations[0].field", equalTo("lines[0].quantity"));
    }

    @Test
    void oneIsNotALegalConsent() {
        UUID customer = Suite.signUp(null);
        write(staff("agent.kim"), "{\"purpose\": \"marketing_email\", \"granted\": 1, \"channel\": \"WEB\", \"policyVersion\": \"v1\"}")
                .post("/api/v1/customers/" + customer + "/consents")
                .then().statusCode(400).body("code", equalTo("invalid-field")).body("violations[0].field", equalTo("granted"));
        staff("agent.kim").get("/api/v1/customers/" + customer + "/consents/history")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anInvalidParameterIsNamedWithWhatItTakes() {
        staff("agent.kim").get("/api/v1/customers/not-a-uuid")
                .then().statusCode(400).body("code", equalTo("invalid-parameter"))
                .body("violations[0].field", equalTo("customerId")).body("detail", containsString("UUID"));
    }

    @Test
    void noFrameworkWordingReachesAClient() {
        UUID hana = customerIdOf("customer.hana");
        as("customer.hana").contentType("text/plain").header("Idempotency-Key", UUID.randomUUID().toString()).body("x")
                .post("/api/v1/loyalty/customers/" + hana + "/donations")
                .then().statusCode(415).body("detail", allOf(not(containsString("@Consumes")), containsString("application/json")));
        as("customer.hana").put("/api/v1/loyalty/customers/" + hana + "/balance")
                .then().statusCode(405).body(not(containsString("resource method")));
    }

    @Test
    void browsersSeeTheHeadersTheyNeedAndARefusalIsAProblem() {
        // The local suite's default web origin (MOTCRM_GATEWAY_CORS_ORIGINS).
        as("agent.kim").header("Origin", "http://localhost:3000").get("/api/v1/touchpoints")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", allOf(containsString("Idempotent-Replayed"),
                        containsString("Location"), containsString("Retry-After")));
        gateway().header("Origin", "https://evil.example").get("/api/v1/touchpoints")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
    }
}
