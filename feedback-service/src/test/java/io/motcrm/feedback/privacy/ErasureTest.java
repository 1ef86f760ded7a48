package io.motcrm.feedback.privacy;

import static io.motcrm.feedback.Fixtures.as;
import static io.motcrm.feedback.Fixtures.move;
import static io.motcrm.feedback.Fixtures.postFeedback;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.capture.Feedback;
import io.motcrm.feedback.cases.CaseStatus;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.feedback.fakes.FakeCustomers;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestCallers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Erasure leaves no copy of what the customer wrote, or what was written about them, in any table. */
@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class ErasureTest {

    static final String AGENT = "agent-erasure";
    static final String SUPERVISOR = "supervisor-erasure";

    @Inject
    FakeCustomers customers;

    String touchpoint;

    @BeforeEach
    void setUp() {
        FakeServices.up();
        touchpoint = Fixtures.touchpoint("store-team");
    }

    static String unique(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static <T> T asCustomerNamed(String userName, UUID customerId, Supplier<T> calls) {
        AtomicReference<T> result = new AtomicReference<>();
        TestCallers.as(userName, Set.of(Roles.CUSTOMER), Map.of("customer_id", customerId.toString()),
                () -> result.set(calls.get()));
        return result.get();
    }

    static ValidatableResponse erased(UUID customer, UUID erasureId, String key) {
        return as("customer-service", Roles.SERVICE, () -> given().contentType(ContentType.JSON)
                .header(Idempotency.HEADER, key)
                .body(Map.of("customerId", customer, "erasureId", erasureId, "erasedAt", "2026-12-07T10:00:00Z"))
                .post("/internal/v1/events/customer-erased").then());
    }

    static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(body).post(path).then();
    }

    /** One customer with a unique value in every place this service keeps one; returns the values. */
    record Seeded(UUID customer, UUID caseId, UUID complaintId, List<String> values) {
    }

    Seeded seedEverywhere() {
        UUID customer = UUID.randomUUID();
        String userName = unique("erin.user");
        String stage = unique("stage");
        String complaintText = unique("complaint text");
        String suggestionText = unique("suggestion text");
        String suggestionAnswer = unique("suggestion answer");
        String internalNote = unique("internal note 010-9876");
        String customerNote = unique("customer reply");
        String actionNote = unique("apology note");
        String compensationNote = unique("compensation note");
        String decisionReason = unique("decision reason");
        customers.value(customer, stage, 1000);

        String complaintId = asCustomerNamed(userName, customer, () -> postFeedback(Map.of("type", "COMPLAINT",
                "touchpointCode", touchpoint, "csat", 1, "text", complaintText)).statusCode(201).extract().path("id"));
        UUID caseId = UUID.fromString(given().get("/api/v1/feedback/" + complaintId).then().statusCode(200)
                .extract().path("caseId"));
        String suggestionId = asCustomerNamed(userName, customer, () -> postFeedback(Map.of("type", "SUGGESTION",
                "touchpointCode", touchpoint, "text", suggestionText)).statusCode(201).extract().path("id"));
        given().contentType(ContentType.JSON).body(Map.of("status", "PLANNED", "response", suggestionAnswer))
                .put("/api/v1/feedback/" + suggestionId + "/suggestion").then().statusCode(200);

        post("/api/v1/cases/" + caseId + "/notes", Map.of("visibility", "INTERNAL", "text", internalNote)).statusCode(201);
        asCustomerNamed(userName, customer, () -> post("/api/v1/me/cases/" + caseId + "/notes",
                Map.of("text", customerNote)).statusCode(201));
        String requestId = as(AGENT, Roles.AGENT, () -> {
            post("/api/v1/cases/" + caseId + "/actions", Map.of("kind", "APOLOGY", "note", actionNote)).statusCode(201);
            return post("/api/v1/cases/" + caseId + "/actions", Map.of("kind", "COMPENSATION_POINTS", "points", 6000,
                    "note", compensationNote)).statusCode(202).extract().path("id");
        });
        as(SUPERVISOR, Roles.SUPERVISOR, () -> given().contentType(ContentType.JSON).body(Map.of("reason", decisionReason))
                .post("/api/v1/approvals/" + requestId + "/approve").then().statusCode(200));
        move(caseId, "ACKNOWLEDGED", null).statusCode(200);
        move(caseId, "IN_PROGRESS", null).statusCode(200);
        move(caseId, "RESOLVED", "staff-behaviour").statusCode(200);
        asCustomerNamed(userName, customer, () -> given().contentType(ContentType.JSON).body(Map.of("csat", 4))
                .post("/api/v1/me/cases/" + caseId + "/recovery").then().statusCode(204));

        String purpose = unique("purpose: dispute call");
        given().header(StaffReads.PURPOSE_HEADER, purpose).get("/api/v1/feedback/customers/" + customer + "/export").then()
                .statusCode(200);

        return new Seeded(customer, caseId, UUID.fromString(complaintId), List.of(userName, stage, complaintText,
                suggestionText, suggestionAnswer, internalNote, customerNote, actionNote, compensationNote, decisionReason,
                purpose));
    }

    @Test
    void erasureLeavesNoneOfTheCustomersValuesInAnyTable() {
        Seeded seeded = seedEverywhere();
        // The scan finds every value before: what it reports after is real.
        assertThat(DatabaseScan.find(seeded.values()).keySet()).containsExactlyInAnyOrderElementsOf(seeded.values());

        UUID erasureId = UUID.randomUUID();
        erased(seeded.customer(), erasureId, "erase-" + erasureId).statusCode(200).body("duplicate", equalTo(false))
                .body("feedbackRedacted", equalTo(2)).body("casesUnlinked", equalTo(1));

        assertThat(DatabaseScan.find(seeded.values())).isEmpty();
        // What statistics need stays, with ids and scores only.
        Feedback complaint = QuarkusTransaction.requiringNew().call(() -> Feedback.findById(seeded.complaintId()));
        assertThat(complaint.csat).isEqualTo(1);
        assertThat(complaint.customerId).isNull();
        assertThat(complaint.submittedBy).isEqualTo(Erasures.ERASED_AUTHOR);
        SupportCase item = QuarkusTransaction.requiringNew().call(() -> SupportCase.get(seeded.caseId()));
        assertThat(item.status).isEqualTo(CaseStatus.RESOLVED);
        assertThat(item.recoveryCsat).isEqualTo(4);
        assertThat(item.customerId).isNull();
    }

    @Test
    void aSecondDeliveryChangesNothingAndSucceeds() {
        Seeded seeded = seedEverywhere();
        UUID erasureId = UUID.randomUUID();
        erased(seeded.customer(), erasureId, "first-" + erasureId).statusCode(200);
        erased(seeded.customer(), erasureId, "first-" + erasureId).statusCode(200)
                .header(Idempotency.REPLAYED_HEADER, "true");
        erased(seeded.customer(), erasureId, "second-" + erasureId).statusCode(200).body("duplicate", equalTo(true))
                .body("feedbackRedacted", equalTo(2));
        // Another erasure of the same customer (customer-service erasing again) finds nothing left.
        erased(seeded.customer(), UUID.randomUUID(), UUID.randomUUID().toString()).statusCode(200)
                .body("duplicate", equalTo(false)).body("feedbackRedacted", equalTo(0)).body("casesUnlinked", equalTo(0));
        assertThat(DatabaseScan.find(seeded.values())).isEmpty();
    }
}
