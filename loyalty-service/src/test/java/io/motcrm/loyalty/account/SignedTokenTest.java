package io.motcrm.loyalty.account;

import static io.motcrm.loyalty.Events.purchase;
import static io.motcrm.loyalty.Events.registered;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Real signed bearer tokens through the whole HTTP stack: the customer is who the token's
 * {@code customer_id} says, the partner who its {@code partner_id} says; the dry run, the export and
 * a redemption as a customer's app and a partner's backend would make them.
 */
@QuarkusTest
class SignedTokenTest {

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    static String service() {
        return TestTokens.bearer("customer-service", Set.of(Roles.SERVICE), Map.of());
    }

    static String customer(UUID id) {
        return TestTokens.bearer("user-" + id, Set.of(Roles.CUSTOMER), Map.of("customer_id", id.toString()));
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aCustomerTokenReachesOnlyItsOwnPointsQuoteAndExport() {
        UUID customer = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        as(service()).header(Idempotency.HEADER, key()).body(registered(customer))
                .post("/internal/v1/events/customer-registered").then().statusCode(200);
        as(service()).header(Idempotency.HEADER, key()).body(registered(other))
                .post("/internal/v1/events/customer-registered").then().statusCode(200);
        as(service()).header(Idempotency.HEADER, key())
                .body(purchase(customer, UUID.randomUUID(), Instant.now().minusSeconds(90L * 86_400), 10_000, "general"))
                .post("/internal/v1/events/purchase-recorded").then().statusCode(200);

        String path = "/api/v1/loyalty/customers/" + customer;
        as(customer(customer)).get(path + "/balance").then().statusCode(200)
                .body("available", equalTo(1_600)).body("tier", equalTo("BRONZE"));
        as(customer(other)).get(path + "/balance").then().statusCode(404).body("code", equalTo("not-found"));
        as(TestTokens.bearer("user-x", Set.of(Roles.CUSTOMER), Map.of())).get(path + "/balance").then().statusCode(404);
        as(TestTokens.expired("user-y", Set.of(Roles.CUSTOMER))).get(path + "/balance").then().statusCode(401);

        // The dry run: a second purchase earns no first-purchase bonus; organic counts double.
        as(customer(customer)).body("""
                {"totalMinor": 20000, "lines": [{"sku": "A", "category": "organic", "quantity": 1, "unitPriceMinor": 10000},
                                                {"sku": "B", "category": "general", "quantity": 1, "unitPriceMinor": 10000}]}
                """).post(path + "/earn-quote").then().statusCode(200)
                .body("basePoints", equalTo(300)).body("firstPurchaseBonusPoints", equalTo(0))
                .body("totalPoints", equalTo(300)).body("tier", equalTo("BRONZE"));
        as(customer(customer)).body("{\"totalMinor\": -1, \"lines\": []}").post(path + "/earn-quote").then()
                .statusCode(400).body("code", equalTo("validation-failed"));
        as(customer(other)).body("{\"totalMinor\": 1, \"lines\": []}").post(path + "/earn-quote").then().statusCode(404);
        as(customer(customer)).get(path + "/balance").then().body("posted", equalTo(1_600));

        String code = as(customer(customer)).header(Idempotency.HEADER, key()).body("{\"maxPoints\": 200}")
                .post(path + "/redemption-codes").then().statusCode(201).extract().path("code");
        String partnerId = "p-" + UUID.randomUUID().toString().substring(0, 8);
        as(TestTokens.bearer("admin-ana", Set.of(Roles.ADMIN), Map.of())).header(Idempotency.HEADER, key())
                .body("{\"id\": \"%s\", \"name\": \"Cafe\", \"pointValueMinor\": 1, \"earnMinorPerPoint\": 100}".formatted(partnerId))
                .post("/api/v1/loyalty/partners").then().statusCode(201);
        String partner = TestTokens.bearer("cafe-backend", Set.of(Roles.PARTNER), Map.of("partner_id", partnerId));
        String redemption = as(partner).header(Idempotency.HEADER, key())
                .body("{\"code\": \"%s\", \"points\": 150}".formatted(code))
                .post("/partner/v1/redemptions").then().statusCode(201).extract().path("id");
        as(partner).header(Idempotency.HEADER, key()).body("{}").post("/partner/v1/redemptions/" + redemption + "/capture")
                .then().statusCode(200).body("capturedPoints", equalTo(150));
        as(customer(customer)).get("/partner/v1/redemptions/" + redemption).then().statusCode(403);

        as(customer(customer)).get(path + "/export").then().statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("account.memberCode", equalTo("M-" + customer.toString().substring(0, 8)))
                .body("balance.posted", equalTo(1_450))
                .body("transactions", hasSize(4))
                .body("purchases", hasSize(1))
                .body("redemptionCodes", hasSize(1))
                .body("redemptions[0].capturedPoints", equalTo(150))
                .body("redemptions[0].partnerId", equalTo(partnerId))
                .body("lots[0].expiresAt", notNullValue());
        as(customer(other)).get(path + "/export").then().statusCode(404);
        as(TestTokens.bearer("agent-al", Set.of(Roles.AGENT), Map.of())).get(path + "/export").then().statusCode(400)
                .body("code", equalTo("access-purpose-required"));
        as(TestTokens.bearer("agent-al", Set.of(Roles.AGENT), Map.of())).header(StaffReads.PURPOSE_HEADER, "customer asked")
                .get(path + "/export").then().statusCode(200);
        as(partner).get(path + "/export").then().statusCode(403);
    }

    @Test
    void theMeRoutesTakeTheCustomerFromTheTokenAndRefuseTokensThatNameNone() {
        UUID customer = UUID.randomUUID();
        as(service()).header(Idempotency.HEADER, key()).body(registered(customer))
                .post("/internal/v1/events/customer-registered").then().statusCode(200);
        as(customer(customer)).get("/api/v1/me/loyalty/balance").then().statusCode(200)
                .body("customerId", equalTo(customer.toString())).body("posted", equalTo(500));
        as(TestTokens.bearer("user-x", Set.of(Roles.CUSTOMER), Map.of())).get("/api/v1/me/loyalty/balance").then()
                .statusCode(403).body("code", equalTo("forbidden"));
        as(customer(UUID.randomUUID())).get("/api/v1/me/loyalty/balance").then()
                .statusCode(404).body("code", equalTo("account-not-found"));
        as(TestTokens.bearer("agent-al", Set.of(Roles.AGENT), Map.of())).get("/api/v1/me/loyalty/balance").then()
                .statusCode(403);
    }
}
