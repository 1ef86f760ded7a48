package io.motcrm.feedback.privacy;

import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.motcrm.feedback.Fixtures.complaint;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.feedback.fakes.FakeCustomers;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.outbox.OutboxMessage;
import io.motcrm.platform.privacy.AccessRecorded;
import io.motcrm.platform.privacy.StaffReads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Every staff read of a customer's cases and feedback states a purpose and reaches the customer's access log. */
@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class StaffReadsTest {

    @Inject
    FakeCustomers customers;

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

    /** The entries customer-service received for the customer, once {@code count} have arrived. */
    private List<JsonNode> accessLogOf(UUID customerId, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> entriesOf(customerId).size() >= count);
        return entriesOf(customerId);
    }

    private List<JsonNode> entriesOf(UUID customerId) {
        return customers.accessLog.stream().filter(entry -> entry.get("customerId").asText().equals(customerId.toString()))
                .toList();
    }

    private static long accessMessagesOf(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("target = ?1 and payload like ?2",
                AccessRecorded.TARGET, "%" + customerId + "%"));
    }

    @Test
    void staffReadTheCustomersFeedbackOnlyWithAPurpose() {
        given().get("/api/v1/feedback/customers/" + customer + "/export").then().statusCode(400)
                .body("code", equalTo("access-purpose-required"));
        given().get("/api/v1/feedback/customers/" + customer + "/summary").then().statusCode(400)
                .body("code", equalTo("access-purpose-required"));
        given().header(StaffReads.PURPOSE_HEADER, " ").get("/api/v1/feedback/customers/" + customer + "/export").then()
                .statusCode(400).body("code", equalTo("access-purpose-required"));
        given().header(StaffReads.PURPOSE_HEADER, "x".repeat(201)).get("/api/v1/feedback/customers/" + customer + "/summary")
                .then().statusCode(400).body("code", equalTo("access-purpose-required"));
        assertThat(accessMessagesOf(customer)).isZero();
    }

    @Test
    void theExportAndTheSummaryReachTheCustomersAccessLog() {
        given().header(StaffReads.PURPOSE_HEADER, "Customer asked for a copy").get("/api/v1/feedback/customers/" + customer
                + "/export").then().statusCode(200);
        given().header(StaffReads.PURPOSE_HEADER, "Call about a complaint").get("/api/v1/feedback/customers/" + customer
                + "/summary").then().statusCode(200);

        List<JsonNode> entries = accessLogOf(customer, 3);
        assertThat(entries).extracting(entry -> entry.get("section").asText() + ": " + entry.get("purpose").asText())
                .containsExactlyInAnyOrder("export: Customer asked for a copy", "cases: Call about a complaint",
                        "feedback: Call about a complaint");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("accessedBy").asText()).isEqualTo("agent-alex");
            assertThat(entry.get("role").asText()).isEqualTo("agent");
        });
    }

    @Test
    void aCaseWorkersReadOfACaseIsRecordedWithOrWithoutAStatedPurpose() {
        given().get("/api/v1/cases/" + caseId).then().statusCode(200);
        given().header(StaffReads.PURPOSE_HEADER, "Checking the refund").get("/api/v1/cases/" + caseId + "/history")
                .then().statusCode(200);
        String feedbackId = given().get("/api/v1/cases/" + caseId).then().extract().path("feedbackId");
        given().header(StaffReads.PURPOSE_HEADER, "Quality review").get("/api/v1/feedback/" + feedbackId).then()
                .statusCode(200);
        given().header(StaffReads.PURPOSE_HEADER, "x".repeat(201)).get("/api/v1/cases/" + caseId).then().statusCode(400)
                .body("code", equalTo("access-purpose-required"));

        assertThat(accessLogOf(customer, 4))
                .extracting(entry -> entry.get("section").asText() + ": " + entry.get("purpose").asText())
                .containsExactlyInAnyOrder("cases: case work", "cases: Checking the refund", "cases: case work",
                        "feedback: Quality review");
    }

    @Test
    void customersReadingTheirOwnDataAreNotLogged() {
        asCustomer(customer, () -> {
            given().get("/api/v1/feedback/customers/" + customer + "/export").then().statusCode(200);
            given().get("/api/v1/feedback/customers/" + customer + "/summary").then().statusCode(200);
            given().get("/api/v1/me/feedback/export").then().statusCode(200);
            return given().get("/api/v1/cases/" + caseId).then().statusCode(200);
        });
        assertThat(accessMessagesOf(customer)).isZero();
    }

    @Test
    void readsOfAnAnonymousCaseConcernNoCustomer() {
        UUID anonymousCase = complaint(UUID.randomUUID(), touchpoint, 1);
        QuarkusTransaction.requiringNew().run(() -> SupportCase.update("customerId = null where id = ?1", anonymousCase));
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("target", AccessRecorded.TARGET));
        given().get("/api/v1/cases/" + anonymousCase).then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("target", AccessRecorded.TARGET)))
                .isEqualTo(before);
    }
}
