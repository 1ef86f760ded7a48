package io.motcrm.feedback.cases;

import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.motcrm.feedback.Fixtures.complaint;
import static io.motcrm.feedback.Fixtures.move;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The customer's own cases under /api/v1/me/cases: the customer comes from the token, staff have no "me". */
@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class MyCasesTest {

    String touchpoint;
    UUID customer;
    UUID caseId;

    @BeforeEach
    void setUp() {
        FakeServices.up();
        touchpoint = Fixtures.touchpoint("store-team");
        customer = UUID.randomUUID();
        caseId = complaint(customer, touchpoint, 2);
    }

    @Test
    void customerListsTheirOwnCases() {
        UUID someoneElses = complaint(UUID.randomUUID(), touchpoint, 2);
        asCustomer(customer, () -> given().get("/api/v1/me/cases").then().statusCode(200)
                .body("id", hasItem(caseId.toString())).body("id", not(hasItem(someoneElses.toString())))
                .body("[0].status", equalTo("NEW")));
        given().get("/api/v1/me/cases").then().statusCode(403);
        TestCallers.as("customer-without-id", Set.of(Roles.CUSTOMER), Map.of(),
                () -> given().get("/api/v1/me/cases").then().statusCode(403).body("code", equalTo("forbidden")));
    }

    @Test
    void customerReadsTheCustomerVisiblePartOfTheirOwnCase() {
        note("/api/v1/cases/" + caseId, Map.of("visibility", "INTERNAL", "text", "Seems to complain a lot")).statusCode(201);
        note("/api/v1/cases/" + caseId, Map.of("visibility", "CUSTOMER", "text", "We are on it")).statusCode(201);
        asCustomer(customer, () -> given().get("/api/v1/me/cases/" + caseId).then().statusCode(200)
                .body("id", equalTo(caseId.toString())).body("notes", hasSize(1))
                .body("notes[0].text", equalTo("We are on it")).body("$", not(hasKey("priority"))));
        asCustomer(UUID.randomUUID(), () -> given().get("/api/v1/me/cases/" + caseId).then().statusCode(404)
                .body("code", equalTo("case-not-found")));
        given().get("/api/v1/me/cases/" + caseId).then().statusCode(403);
    }

    @Test
    void customersNoteIsVisibleToThemAndResumesACaseWaitingOnThem() {
        move(caseId, "ACKNOWLEDGED", null).statusCode(200);
        move(caseId, "IN_PROGRESS", null).statusCode(200);
        move(caseId, "WAITING_ON_CUSTOMER", null).statusCode(200);
        asCustomer(customer, () -> note("/api/v1/me/cases/" + caseId, Map.of("visibility", "INTERNAL", "text", "Receipt 42"))
                .statusCode(201).header("Location", endsWith("/api/v1/me/cases/" + caseId))
                .body("visibility", equalTo("CUSTOMER")).body("text", equalTo("Receipt 42")));
        given().get("/api/v1/cases/" + caseId).then().body("status", equalTo("IN_PROGRESS"))
                .body("notes.author", hasItem("customer-" + customer));
        asCustomer(UUID.randomUUID(), () -> note("/api/v1/me/cases/" + caseId, Map.of("text", "let me in")).statusCode(404));
        note("/api/v1/me/cases/" + caseId, Map.of("text", "staff have no cases of their own")).statusCode(403);
    }

    @Test
    void customerRatesTheRecoveryOfTheirOwnCaseOnce() {
        move(caseId, "ACKNOWLEDGED", null).statusCode(200);
        move(caseId, "IN_PROGRESS", null).statusCode(200);
        move(caseId, "RESOLVED", "delivery-delay").statusCode(200);
        rate(caseId, 5).statusCode(403);
        asCustomer(UUID.randomUUID(), () -> rate(caseId, 5).statusCode(404).body("code", equalTo("case-not-found")));
        asCustomer(customer, () -> {
            rate(caseId, 4).statusCode(204);
            return rate(caseId, 5).statusCode(409).body("code", equalTo("recovery-not-requested"));
        });
        given().get("/api/v1/cases/" + caseId).then().body("recovery.csat", equalTo(4));
    }

    private static ValidatableResponse note(String casePath, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString()).body(body)
                .post(casePath + "/notes").then();
    }

    private static ValidatableResponse rate(UUID caseId, int csat) {
        return given().contentType(ContentType.JSON).body(Map.of("csat", csat))
                .post("/api/v1/me/cases/" + caseId + "/recovery").then();
    }
}
