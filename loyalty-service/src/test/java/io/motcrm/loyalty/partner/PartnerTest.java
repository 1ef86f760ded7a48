package io.motcrm.loyalty.partner;

import static io.motcrm.loyalty.Events.oldPurchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.balance;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.partner;
import static io.motcrm.platform.testing.TestCallers.asPartner;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.Problem;
import io.motcrm.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "agent-al", roles = { "service", "agent" })
class PartnerTest {

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    private static ValidatableResponse earn(String key, String memberCode, long amountMinor, String reference) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body("{\"memberCode\": \"%s\", \"amountMinor\": %d, \"reference\": \"%s\"}"
                        .formatted(memberCode, amountMinor, reference))
                .post("/partner/v1/earns").then();
    }

    private static String memberCode(UUID customer) {
        return "M-" + customer.toString().substring(0, 8);
    }

    @Test
    void adminsRegisterListAndChangePartners() {
        String id = partner(7, 50);
        asStaff("admin-ana", Roles.ADMIN, () -> {
            given().get("/api/v1/loyalty/partners/" + id).then().statusCode(200)
                    .body("pointValueMinor", equalTo(7)).body("earnMinorPerPoint", equalTo(50))
                    .body("status", equalTo("ACTIVE"));
            given().get("/api/v1/loyalty/partners").then().statusCode(200).body("id", hasItem(id));
            given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                    .body("{\"id\": \"%s\", \"name\": \"Again\", \"pointValueMinor\": 1, \"earnMinorPerPoint\": 1}".formatted(id))
                    .post("/api/v1/loyalty/partners").then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("partner-exists"));
            given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                    .body("{\"id\": \"Bad Id!\", \"name\": \"x\", \"pointValueMinor\": 0, \"earnMinorPerPoint\": 1}")
                    .post("/api/v1/loyalty/partners").then().statusCode(400).body("code", equalTo("validation-failed"));
            given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                    .body("{\"name\": \"Renamed\", \"pointValueMinor\": 9, \"earnMinorPerPoint\": 50, \"status\": \"SUSPENDED\"}")
                    .put("/api/v1/loyalty/partners/" + id).then().statusCode(200)
                    .body("name", equalTo("Renamed")).body("status", equalTo("SUSPENDED"));
            given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                    .body("{\"name\": \"x\", \"pointValueMinor\": 9, \"earnMinorPerPoint\": 50, \"status\": \"ACTIVE\"}")
                    .put("/api/v1/loyalty/partners/nobody").then().statusCode(404).body("code", equalTo("partner-not-found"));
        });
        // Agents read, only admins write.
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                .body("{\"id\": \"p-agent\", \"name\": \"x\", \"pointValueMinor\": 1, \"earnMinorPerPoint\": 1}")
                .post("/api/v1/loyalty/partners").then().statusCode(403);
        given().get("/api/v1/loyalty/partners/" + id).then().statusCode(200);
        asPartner(id, () -> earn(key(), "M-whatever", 1_000, "r-1").statusCode(403).body("code", equalTo("partner-not-active")));
    }

    @Test
    void customersEarnAtThePartnersRateOncePerReference() {
        UUID customer = register();
        String partner = partner(3, 50);
        String reference = "receipt-" + UUID.randomUUID();
        asPartner(partner, () -> {
            long transaction = earn(key(), memberCode(customer), 10_049, reference).statusCode(201)
                    .body("points", equalTo(200)).body("duplicate", equalTo(false))
                    .extract().jsonPath().getLong("transactionId");
            earn(key(), memberCode(customer), 10_049, reference).statusCode(200)
                    .body("duplicate", equalTo(true)).body("transactionId", equalTo((int) transaction));
            // The same reference for another amount is another purchase, not a retry: refused, nothing booked.
            earn(key(), memberCode(customer), 999_900, reference).statusCode(409).body("code", equalTo("reference-used"));
            earn(key(), "M-unknown", 100, "r-" + UUID.randomUUID()).statusCode(404).body("code", equalTo("account-not-found"));
            earn(key(), memberCode(customer), 0, "r-zero").statusCode(400).body("code", equalTo("validation-failed"));
            given().get("/partner/v1/settlements/" + YearMonth.now(ZoneOffset.UTC)).then().statusCode(200)
                    .body("earnedPoints", equalTo(200)).body("earnedValueMinor", equalTo(600))
                    .body("netValueMinor", equalTo(-600)).body("lines", hasSize(1))
                    .body("lines[0].reference", equalTo(reference));
            given().get("/partner/v1/settlements/2026-13").then().statusCode(400).body("code", equalTo("invalid-month"));
        });
        balance(customer).body("posted", equalTo(700));
    }

    @Test
    void staffReadAPartnersSettlementButAPartnerOnlyItsOwn() {
        UUID customer = register();
        oldPurchase(customer, 10_000);
        String partner = partner(2, 100);
        String other = partner(2, 100);
        asPartner(partner, () -> earn(key(), memberCode(customer), 5_000, "r-" + UUID.randomUUID()).statusCode(201));
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        asStaff("sup-sam", Roles.SUPERVISOR, () -> given().get("/api/v1/loyalty/partners/" + partner + "/settlements/" + month)
                .then().statusCode(200).body("earnedPoints", equalTo(50)));
        asPartner(other, () -> given().get("/partner/v1/settlements/" + month).then().statusCode(200)
                .body("earnedPoints", equalTo(0)).body("lines", hasSize(0)));
        asPartner(other, () -> given().get("/api/v1/loyalty/partners/" + partner + "/settlements/" + month)
                .then().statusCode(403));
    }
}
