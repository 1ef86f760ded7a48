package io.motcrm.feedback.privacy;

import static io.motcrm.feedback.Fixtures.as;
import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.motcrm.feedback.Fixtures.complaint;
import static io.motcrm.feedback.Fixtures.postFeedback;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.capture.Feedback;
import io.motcrm.feedback.cases.CaseNote;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.feedback.fakes.FakeCustomers;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class PrivacyTest {

    @Inject
    FakeCustomers customers;

    String touchpoint;

    @BeforeEach
    void setUp() {
        FakeServices.up();
        touchpoint = Fixtures.touchpoint("store-team");
    }

    private static ValidatableResponse erased(String key, UUID customer, UUID erasureId) {
        return as("customer-service", Roles.SERVICE, () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body(Map.of("customerId", customer, "erasureId", erasureId, "erasedAt", "2026-05-01T10:00:00Z"))
                .post("/internal/v1/events/customer-erased").then());
    }

    @Test
    void erasureRedactsTextAndUnlinksTheCustomerButKeepsTheScores() {
        UUID customer = UUID.randomUUID();
        UUID caseId = complaint(customer, touchpoint, 1);
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(Map.of("visibility", "CUSTOMER", "text", "Called Ms Kim at 010-1234-5678"))
                .post("/api/v1/cases/" + caseId + "/notes").then().statusCode(201);
        UUID erasureId = UUID.randomUUID();
        erased("erase-" + erasureId, customer, erasureId).statusCode(200)
                .body("feedbackRedacted", equalTo(1)).body("casesUnlinked", equalTo(1)).body("duplicate", equalTo(false));

        Feedback feedback = QuarkusTransaction.requiringNew().call(() -> Feedback.<Feedback>find("id = (select c.feedbackId from SupportCase c where c.id = ?1)", caseId).singleResult());
        assertThat(feedback.text).isNull();
        assertThat(feedback.customerId).isNull();
        assertThat(feedback.redacted).isTrue();
        assertThat(feedback.csat).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SupportCase.get(caseId).customerId)).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseNote.of(caseId))).allSatisfy(note -> {
            assertThat(note.text).isNull();
            assertThat(note.redacted).isTrue();
        });
        asCustomer(customer, () -> given().get("/api/v1/me/feedback").then().body("items", hasSize(0)));
        asCustomer(customer, () -> given().get("/api/v1/cases/" + caseId).then().statusCode(404));
    }

    @Test
    void erasureIsIdempotent() {
        UUID customer = UUID.randomUUID();
        complaint(customer, touchpoint, 2);
        UUID erasureId = UUID.randomUUID();
        String first = erased("k-" + erasureId, customer, erasureId).statusCode(200).extract().asString();
        erased("k-" + erasureId, customer, erasureId).statusCode(200).header(Idempotency.REPLAYED_HEADER, "true");
        // Sent again under a new key (a new outbox message): applied once, answered as a duplicate.
        erased("k2-" + erasureId, customer, erasureId).statusCode(200).body("duplicate", equalTo(true))
                .body("feedbackRedacted", equalTo(1));
        assertThat(first).contains("\"duplicate\":false");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Erasure.count("customerId", customer))).isEqualTo(1);
    }

    @Test
    void erasureIsOnlyForTheSuiteItself() {
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, "x")
                .body(Map.of("customerId", UUID.randomUUID(), "erasureId", UUID.randomUUID(), "erasedAt", Instant.now().toString()))
                .post("/internal/v1/events/customer-erased").then().statusCode(403);
        as("customer-service", Roles.SERVICE, () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, "y")
                .body(Map.of("customerId", UUID.randomUUID())).post("/internal/v1/events/customer-erased").then()
                .statusCode(400).body("code", equalTo("validation-failed")));
    }

    @Test
    void summaryShowsOpenCasesRecentFeedbackAndTheCustomersNps() {
        UUID customer = UUID.randomUUID();
        UUID caseId = complaint(customer, touchpoint, 2);
        asCustomer(customer, () -> {
            postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint, "nps", 10)).statusCode(201);
            return postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint, "nps", 9)).statusCode(201);
        });
        given().header(StaffReads.PURPOSE_HEADER, "complaint call").get("/api/v1/feedback/customers/" + customer + "/summary")
                .then().statusCode(200)
                .body("openCases", hasSize(1)).body("openCases[0].id", equalTo(caseId.toString()))
                .body("openCases[0].ownerName", equalTo("Alex Agent")).body("openCases[0].ownerLogin", equalTo("agent-alex"))
                .body("recentFeedback", hasSize(3)).body("recentFeedback[0].touchpointCode", equalTo(touchpoint))
                .body("nps.score", equalTo(100.0f)).body("nps.responses", equalTo(2));
        asCustomer(customer, () -> given().get("/api/v1/feedback/customers/" + customer + "/summary").then().statusCode(200)
                .body("openCases[0].ownerName", equalTo("Alex Agent")).body("openCases[0].ownerLogin", nullValue()));
        asCustomer(UUID.randomUUID(), () -> given().get("/api/v1/feedback/customers/" + customer + "/summary").then()
                .statusCode(404));
        given().header(StaffReads.PURPOSE_HEADER, "complaint call").get("/api/v1/feedback/customers/" + UUID.randomUUID()
                + "/summary").then().statusCode(200)
                .body("openCases", hasSize(0)).body("nps.score", nullValue());
    }

    @Test
    void customerReadsTheirOwnSummaryAndExportUnderMe() {
        UUID customer = UUID.randomUUID();
        UUID caseId = complaint(customer, touchpoint, 2);
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(Map.of("visibility", "INTERNAL", "text", "internal remark")).post("/api/v1/cases/" + caseId + "/notes")
                .then().statusCode(201);
        complaint(UUID.randomUUID(), touchpoint, 1);
        asCustomer(customer, () -> given().get("/api/v1/me/feedback/summary").then().statusCode(200)
                .body("openCases", hasSize(1)).body("openCases[0].id", equalTo(caseId.toString()))
                .body("recentFeedback", hasSize(1)).body("nps.responses", equalTo(0)));
        // The export holds everything, the internal note included: nothing is held that the customer cannot see.
        asCustomer(customer, () -> given().get("/api/v1/me/feedback/export").then().statusCode(200)
                .body("customerId", equalTo(customer.toString())).body("feedback", hasSize(1))
                .body("cases", hasSize(1)).body("cases[0].details.id", equalTo(caseId.toString()))
                .body("cases[0].details.notes.text", contains("internal remark"))
                .body("cases[0].details.recovery.requestedAt", nullValue()));
        given().get("/api/v1/me/feedback/summary").then().statusCode(403);
        given().get("/api/v1/me/feedback/export").then().statusCode(403);
    }

    @Test
    void exportHoldsEveryPersonalValueForStaffAndTheCustomerAlike() {
        UUID customer = UUID.randomUUID();
        customers.value(customer, "loyal", 620_000);
        String userName = "hana.export-" + customer.toString().substring(0, 8);
        String complaintId = ErasureTest.asCustomerNamed(userName, customer, () -> postFeedback(Map.of("type", "COMPLAINT",
                "touchpointCode", touchpoint, "csat", 2, "text", "The queue took forever")).statusCode(201).extract().path("id"));
        UUID caseId = UUID.fromString(given().get("/api/v1/feedback/" + complaintId).then().extract().path("caseId"));
        String suggestionId = ErasureTest.asCustomerNamed(userName, customer, () -> postFeedback(Map.of("type",
                "SUGGESTION", "touchpointCode", touchpoint, "text", "More tills")).statusCode(201).extract().path("id"));
        given().contentType(ContentType.JSON).body(Map.of("status", "PLANNED", "response", "Two more in May"))
                .put("/api/v1/feedback/" + suggestionId + "/suggestion").then().statusCode(200);
        ErasureTest.post("/api/v1/cases/" + caseId + "/notes", Map.of("visibility", "INTERNAL", "text", "internal remark"))
                .statusCode(201);
        ErasureTest.asCustomerNamed(userName, customer, () -> ErasureTest.post("/api/v1/me/cases/" + caseId + "/notes",
                Map.of("text", "Still waiting")).statusCode(201));
        String requestId = as("agent-export", Roles.AGENT, () -> {
            ErasureTest.post("/api/v1/cases/" + caseId + "/actions", Map.of("kind", "APOLOGY", "note", "Said sorry"))
                    .statusCode(201);
            return ErasureTest.post("/api/v1/cases/" + caseId + "/actions", Map.of("kind", "COMPENSATION_POINTS",
                    "points", 6000, "note", "For two visits")).statusCode(202).extract().<String>path("id");
        });
        as("supervisor-export", Roles.SUPERVISOR, () -> given().contentType(ContentType.JSON)
                .body(Map.of("reason", "Long-standing customer")).post("/api/v1/approvals/" + requestId + "/reject").then()
                .statusCode(200));
        Fixtures.move(caseId, "ACKNOWLEDGED", null).statusCode(200);
        Fixtures.move(caseId, "IN_PROGRESS", null).statusCode(200);
        Fixtures.move(caseId, "RESOLVED", "service-failure").statusCode(200);
        asCustomer(customer, () -> given().contentType(ContentType.JSON).body(Map.of("csat", 3))
                .post("/api/v1/me/cases/" + caseId + "/recovery").then().statusCode(204));

        String staffExport = given().header(StaffReads.PURPOSE_HEADER, "Subject access request")
                .get("/api/v1/feedback/customers/" + customer + "/export").then().statusCode(200)
                .body("feedback.details.text", contains("The queue took forever", "More tills"))
                .body("feedback.submittedBy", contains(userName, userName))
                .body("feedback[1].details.suggestion.response", equalTo("Two more in May"))
                .body("cases", hasSize(1))
                .body("cases[0].details.notes.text", contains("internal remark", "Still waiting"))
                .body("cases[0].details.notes.author", hasItem(userName))
                .body("cases[0].details.actions.note", contains("Said sorry", "For two visits"))
                .body("cases[0].details.actions.decisionReason", hasItem("Long-standing customer"))
                .body("cases[0].details.recovery.csat", equalTo(3))
                .body("cases[0].history.actor", hasItem(userName))
                .body("cases[0].history.kind", hasItem("CUSTOMER_NOTE"))
                .body("cases[0].lifecycleStageAtOpening", equalTo("loyal"))
                .body("cases[0].lifetimeValueMinorAtOpening", equalTo(620_000))
                .extract().asString();
        // The customer's own export is the same document: nothing held about them is hidden from them.
        String ownExport = asCustomer(customer, () -> given().get("/api/v1/me/feedback/export").then().statusCode(200)
                .extract().asString());
        assertThat(ownExport).isEqualTo(staffExport);
        asCustomer(customer, () -> given().get("/api/v1/feedback/customers/" + customer + "/export").then().statusCode(200)
                .body("cases[0].details.notes", hasSize(2)));
        asCustomer(UUID.randomUUID(), () -> given().get("/api/v1/feedback/customers/" + customer + "/export").then().statusCode(404));
    }
}
