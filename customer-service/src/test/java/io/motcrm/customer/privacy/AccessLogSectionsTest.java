package io.motcrm.customer.privacy;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.purchase;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.platform.testing.TestCallers.asService;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.Fixtures.Line;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every staff read of a customer's data is in the access log with its section, here and in the other services. */
@QuarkusTest
@TestSecurity(user = "agent-yoon", roles = "agent")
class AccessLogSectionsTest {

    static ValidatableResponse myLog() {
        return given().get("/api/v1/me/access-log").then().statusCode(200);
    }

    static String accessRecorded(UUID customer, String section, String purpose) {
        return """
                {"customerId": "%s", "accessedBy": "agent.kim", "role": "agent", "section": "%s", "purpose": %s,
                 "accessedAt": "2026-12-07T10:15:30.123456Z"}
                """.formatted(customer, section, purpose == null ? "null" : '"' + purpose + '"');
    }

    static ValidatableResponse receive(String key, String body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(body)
                .post("/internal/v1/access-log").then();
    }

    @Test
    void staffReadsOfPurchasesInsightAndRecommendationsNeedAPurposeAndAreLogged() {
        UUID customer = newCustomer();
        UUID bought = purchase(customer, Instant.now(), new Line("A", "books", 1, 900));
        String purchases = "/api/v1/customers/" + customer + "/purchases";

        given().get(purchases).then().statusCode(400).body("code", equalTo("access-purpose-required"));
        given().get(purchases + "/" + bought).then().statusCode(400).body("code", equalTo("access-purpose-required"));
        given().get("/api/v1/customers/" + customer + "/insight").then().statusCode(400)
                .body("code", equalTo("access-purpose-required"));
        given().header(CallerAccess.PURPOSE_HEADER, "x".repeat(201)).get(purchases).then().statusCode(400);

        given().header(CallerAccess.PURPOSE_HEADER, "return question").get(purchases).then().statusCode(200);
        given().header(CallerAccess.PURPOSE_HEADER, "receipt copy").get(purchases + "/" + bought).then().statusCode(200);
        given().header(CallerAccess.PURPOSE_HEADER, "retention call").get("/api/v1/customers/" + customer + "/insight")
                .then().statusCode(200);
        given().header(CallerAccess.PURPOSE_HEADER, "suggest a gift").get("/api/v1/customers/" + customer
                + "/recommendations").then().statusCode(200);
        given().header(CallerAccess.PURPOSE_HEADER, "referral bonus question").get("/api/v1/customers/" + customer
                + "/referrals").then().statusCode(200);
        // A read that fails leaves no entry.
        given().header(CallerAccess.PURPOSE_HEADER, "typo").get(purchases + "/" + UUID.randomUUID()).then().statusCode(404);

        asCustomer(customer, () -> {
            // The customer's own reads are not logged.
            given().get("/api/v1/me/purchases").then().statusCode(200);
            given().get(purchases).then().statusCode(200);
            myLog().body("items.section", equalTo(List.of("profile", "purchases", "insight", "purchases", "purchases")))
                    .body("items.purpose", equalTo(List.of("referral bonus question", "suggest a gift", "retention call",
                            "receipt copy", "return question")))
                    .body("items.action", equalTo(List.of("READ", "READ", "READ", "READ", "READ")))
                    .body("items.accessedBy[0]", equalTo("agent-yoon"))
                    .body("items.role[0]", equalTo("agent"));
        });
    }

    @Test
    void profileReadsAndExportsHaveTheirSections() {
        UUID customer = newCustomer();
        given().header(CallerAccess.PURPOSE_HEADER, "complaint").get("/api/v1/customers/" + customer).then().statusCode(200);
        given().header(CallerAccess.PURPOSE_HEADER, "privacy-request").get("/api/v1/customers/" + customer + "/export")
                .then().statusCode(200);
        asStaff("sup-ko", Roles.SUPERVISOR, () -> given().header(CallerAccess.PURPOSE_HEADER, "audit")
                .get("/api/v1/customers/" + customer + "/access-log").then().statusCode(200)
                .body("items.section", equalTo(List.of("export", "profile")))
                .body("items.action", equalTo(List.of("EXPORT", "READ"))));
    }

    @Test
    void anotherServicesReadIsStoredOnceWithItsSectionAndShownToTheCustomer() {
        UUID customer = newCustomer();
        String key = UUID.randomUUID().toString();
        asService("loyalty-service", () -> {
            receive(key, accessRecorded(customer, "points", "balance question")).statusCode(204);
            receive(key, accessRecorded(customer, "points", "balance question")).statusCode(204);
        });
        asCustomer(customer, () -> myLog()
                .body("items", hasSize(1))
                .body("items[0].section", equalTo("points"))
                .body("items[0].purpose", equalTo("balance question"))
                .body("items[0].accessedBy", equalTo("agent.kim"))
                .body("items[0].role", equalTo("agent"))
                .body("items[0].action", equalTo("READ"))
                .body("items[0].unmasked", equalTo(false))
                .body("items[0].accessedAt", equalTo("2026-12-07T10:15:30.123456Z")));
    }

    @Test
    void receivingIsForServicesWithAKeyAndAValidEntry() {
        UUID customer = newCustomer();
        String body = accessRecorded(customer, "cases", "follow-up");
        receive(UUID.randomUUID().toString(), body).statusCode(403);
        asService("feedback-service", () -> {
            given().contentType(ContentType.JSON).body(body).post("/internal/v1/access-log").then().statusCode(400)
                    .body("code", equalTo("idempotency-key-missing"));
            receive(UUID.randomUUID().toString(), accessRecorded(UUID.randomUUID(), "cases", "x")).statusCode(404)
                    .body("code", equalTo("customer-not-found"));
            receive(UUID.randomUUID().toString(), accessRecorded(customer, "Cases!", "x")).statusCode(400)
                    .body("code", equalTo("validation-failed"));
            receive(UUID.randomUUID().toString(), accessRecorded(customer, "cases", "x".repeat(201))).statusCode(400);
        });
    }

    @Test
    void anEntryForAnErasedCustomerOrWithARedactedPurposeKeepsNoPurpose() {
        UUID customer = newCustomer();
        asService("feedback-service", () -> receive(UUID.randomUUID().toString(),
                accessRecorded(customer, "feedback", null)).statusCode(204));
        asStaff("sup-ha", Roles.SUPERVISOR, () -> given().contentType(ContentType.JSON)
                .header(Idempotency.HEADER, UUID.randomUUID().toString())
                .post("/api/v1/customers/" + customer + "/erasure").then().statusCode(201));
        asService("loyalty-service", () -> receive(UUID.randomUUID().toString(),
                accessRecorded(customer, "points", "late arrival")).statusCode(204));
        asCustomer(customer, () -> myLog()
                .body("items.section", equalTo(List.of("points", "feedback")))
                .body("items.purpose", equalTo(List.of("(erased)", "(erased)"))));
    }
}
