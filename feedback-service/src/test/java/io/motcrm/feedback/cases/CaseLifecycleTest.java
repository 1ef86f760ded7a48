package io.motcrm.feedback.cases;

import static io.motcrm.feedback.Fixtures.asAgent;
import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.motcrm.feedback.Fixtures.complaint;
import static io.motcrm.feedback.Fixtures.move;
import static io.motcrm.feedback.Fixtures.postFeedback;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.fakes.FakeCustomers;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.FaultProxy;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class CaseLifecycleTest {

    @Inject
    MutableClock clock;

    @Inject
    FakeCustomers customers;

    @Inject
    CaseService cases;

    String touchpoint;

    @BeforeEach
    void setUp() {
        FakeServices.up();
        touchpoint = Fixtures.touchpoint("store-team");
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        customers.delay(0);
        customers.failNext(0);
        FakeServices.up();
    }

    @Test
    void everyComplaintAndDetractorOpensACaseWithANamedOwner() {
        UUID customer = UUID.randomUUID();
        UUID caseId = complaint(customer, touchpoint, 3);
        given().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("NEW")).body("ownerName", equalTo("agent-alex"))
                .body("ownerDisplayName", equalTo("Alex Agent")).body("unassigned", equalTo(false))
                .body("team", equalTo("store-team")).body("touchpointCode", equalTo(touchpoint))
                .body("customerId", equalTo(customer.toString()));
        asCustomer(customer, () -> {
            postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint, "nps", 6)).statusCode(201).body("caseId", notNullValue());
            postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint, "csat", 2)).statusCode(201).body("caseId", notNullValue());
            postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint, "nps", 7, "csat", 3)).statusCode(201).body("caseId", nullValue());
            postFeedback(Map.of("type", "COMPLIMENT", "touchpointCode", touchpoint, "csat", 5)).statusCode(201).body("caseId", nullValue());
            return null;
        });
        given().get("/api/v1/cases/" + caseId + "/history").then().statusCode(200)
                .body("kind", contains("OPENED", "ASSIGNED"));
    }

    @Test
    void priorityComesFromSeverityCustomerValueAndDetractorStatus() {
        UUID loyal = UUID.randomUUID();
        UUID newcomer = UUID.randomUUID();
        customers.value(loyal, "loyal", 2_000_000);
        customers.value(newcomer, "first_purchase", 10_000);
        // A complaint (medium) with a mediocre score from a newcomer: P3; from a loyal, valuable customer: P2.
        given().get("/api/v1/cases/" + complaint(newcomer, touchpoint, 3)).then().body("priority", equalTo("P3"))
                .body("valuePending", equalTo(false));
        given().get("/api/v1/cases/" + complaint(loyal, touchpoint, 3)).then().body("priority", equalTo("P2"));
        // The worst score on a complaint makes it high severity and a detractor: P1.
        given().get("/api/v1/cases/" + complaint(newcomer, touchpoint, 1)).then().body("priority", equalTo("P1"))
                .body("severity", equalTo("HIGH")).body("detractor", equalTo(true));
    }

    @Test
    void caseOpensWithDefaultPriorityWhileCustomerServiceIsDownAndIsReprioritisedLater() {
        UUID loyal = UUID.randomUUID();
        customers.value(loyal, "loyal", 2_000_000);
        FakeServices.customers().mode(FaultProxy.Mode.DOWN);
        UUID caseId = complaint(loyal, touchpoint, 2);
        given().get("/api/v1/cases/" + caseId).then().body("priority", equalTo("P2")).body("valuePending", equalTo(true));

        // Still down: the job leaves it pending.
        cases.reprioritisePending();
        given().get("/api/v1/cases/" + caseId).then().body("valuePending", equalTo(true));

        FakeServices.customers().mode(FaultProxy.Mode.UP);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(400)).until(() -> {
            cases.reprioritisePending();
            return !QuarkusTransaction.requiringNew().call(() -> SupportCase.get(caseId).valuePending);
        });
        // A detractor's complaint from a loyal, valuable customer: P1 once customer-service answers.
        given().get("/api/v1/cases/" + caseId).then().body("priority", equalTo("P1")).body("valuePending", equalTo(false));
        given().get("/api/v1/cases/" + caseId + "/history").then().body("kind", hasItem("REPRIORITISED"));
    }

    @Test
    void slowOrFailingCustomerServiceNeverFailsTheSubmission() {
        UUID customer = UUID.randomUUID();
        customers.value(customer, "loyal", 0);
        customers.failNext(10);
        UUID failing = complaint(customer, touchpoint, 3);
        given().get("/api/v1/cases/" + failing).then().body("valuePending", equalTo(true));
        customers.failNext(0);
        customers.delay(3000);
        long started = System.nanoTime();
        UUID hung;
        try {
            hung = complaint(customer, touchpoint, 3);
        } finally {
            customers.delay(0);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        given().get("/api/v1/cases/" + hung).then().body("valuePending", equalTo(true));
    }

    @Test
    void caseMovesThroughItsStatesAndTheHistoryRecordsEveryStep() {
        UUID customer = UUID.randomUUID();
        UUID caseId = complaint(customer, touchpoint, 2);
        // The answer is the case itself, as GET returns it to staff.
        move(caseId, "ACKNOWLEDGED", null).statusCode(200).body("id", equalTo(caseId.toString()))
                .body("status", equalTo("ACKNOWLEDGED")).body("firstResponseAt", notNullValue())
                .body("recoverySurveyUrl", nullValue());
        move(caseId, "IN_PROGRESS", null).statusCode(200);
        move(caseId, "WAITING_ON_CUSTOMER", null).statusCode(200).body("sla.paused", equalTo(true));
        move(caseId, "IN_PROGRESS", null).statusCode(200).body("sla.paused", equalTo(false));
        move(caseId, "RESOLVED", "service-failure").statusCode(200).body("status", equalTo("RESOLVED"))
                .body("rootCause", equalTo("service-failure")).body("recoverySurveyUrl", notNullValue());
        // The survey link is shown once, in the answer to the resolution.
        given().get("/api/v1/cases/" + caseId).then().body("recoverySurveyUrl", nullValue());
        move(caseId, "CLOSED", null).statusCode(200).body("closedAt", notNullValue());
        List<String> kinds = given().get("/api/v1/cases/" + caseId + "/history").then().extract().path("kind");
        assertThat(kinds).containsSubsequence("OPENED", "STATUS", "STATUS", "STATUS", "STATUS", "RECOVERY_SURVEY_SENT", "STATUS", "STATUS");
    }

    @Test
    void invalidTransitionsAreRejected() {
        UUID caseId = complaint(UUID.randomUUID(), touchpoint, 2);
        move(caseId, "RESOLVED", "policy").statusCode(409).body("code", equalTo("invalid-transition"))
                .body("currentStatus", equalTo("NEW")).body("allowed", contains("ACKNOWLEDGED"));
        move(caseId, "ACKNOWLEDGED", null).statusCode(200);
        move(caseId, "IN_PROGRESS", null).statusCode(200);
        move(caseId, "RESOLVED", null).statusCode(422).body("code", equalTo("root-cause-required"));
        move(caseId, "RESOLVED", "aliens").statusCode(422).body("code", equalTo("unknown-root-cause"));
        move(caseId, "BOGUS", null).statusCode(400).body("code", equalTo("invalid-field"));
        given().get("/api/v1/cases/" + caseId).then().body("status", equalTo("IN_PROGRESS"));
        move(UUID.randomUUID(), "ACKNOWLEDGED", null).statusCode(404).body("code", equalTo("case-not-found"));
    }

    @Test
    void closedCaseTakesNoActionAndReopensOnlyWithinTheWindow() {
        UUID caseId = complaint(UUID.randomUUID(), touchpoint, 2);
        move(caseId, "ACKNOWLEDGED", null);
        move(caseId, "IN_PROGRESS", null);
        move(caseId, "RESOLVED", "billing-error").statusCode(200);
        move(caseId, "CLOSED", null).statusCode(200);
        move(caseId, "WAITING_ON_CUSTOMER", null).statusCode(409).body("code", equalTo("case-closed"))
                .body("currentStatus", equalTo("CLOSED"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("kind", "APOLOGY")).post("/api/v1/cases/" + caseId + "/actions")
                .then().statusCode(409).body("code", equalTo("case-closed")).body("currentStatus", equalTo("CLOSED"));
        given().contentType(ContentType.JSON).body(Map.of("owner", "agent-alex")).put("/api/v1/cases/" + caseId + "/owner")
                .then().statusCode(409).body("code", equalTo("case-closed")).body("currentStatus", equalTo("CLOSED"));

        clock.advance(Duration.ofDays(13));
        move(caseId, "IN_PROGRESS", null).statusCode(200).body("reopenCount", equalTo(1)).body("resolvedAt", nullValue());
        given().get("/api/v1/cases/" + caseId + "/history").then().body("kind", hasItem("REOPENED"));

        move(caseId, "RESOLVED", "billing-error").statusCode(200);
        clock.advance(Duration.ofDays(15));
        move(caseId, "IN_PROGRESS", null).statusCode(409).body("code", equalTo("reopen-window-passed"))
                .body("currentStatus", equalTo("RESOLVED"));
    }

    @Test
    void reassignmentIsRecorded() {
        String team = "reassign-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.team(team, Fixtures.SUPERVISOR, List.of(Fixtures.ADMIN), List.of(Fixtures.AGENT, Fixtures.OTHER_AGENT));
        UUID caseId = complaint(UUID.randomUUID(), Fixtures.touchpointOf(team), 2);
        Fixtures.as(Fixtures.SUPERVISOR, Roles.SUPERVISOR, () -> given().contentType(ContentType.JSON)
                .body(Map.of("owner", "agent-alex")).put("/api/v1/cases/" + caseId + "/owner")
                .then().statusCode(200).body("ownerName", equalTo("agent-alex")));
        given().contentType(ContentType.JSON).body(Map.of("owner", "agent-bo")).put("/api/v1/cases/" + caseId + "/owner")
                .then().statusCode(200).body("ownerName", equalTo("agent-bo"));
        given().get("/api/v1/cases/" + caseId + "/history").then()
                .body("findAll { it.kind == 'REASSIGNED' }.detail", hasItem("agent-alex -> agent-bo"));
        given().get("/api/v1/cases?owner=agent-bo").then().body("id", hasItem(caseId.toString()));
    }

    @Test
    void customerSeesOnlyTheCustomerVisiblePartOfTheirOwnCase() {
        UUID customer = UUID.randomUUID();
        UUID caseId = complaint(customer, touchpoint, 2);
        note(caseId, "INTERNAL", "Customer seems to be a regular complainer").statusCode(201);
        note(caseId, "CUSTOMER", "We are sorry; we are looking into it").statusCode(201);
        asCustomer(customer, () -> given().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("notes", hasSize(1)).body("notes[0].text", equalTo("We are sorry; we are looking into it"))
                .body("rootCause", nullValue()).body("priority", nullValue()));
        asCustomer(UUID.randomUUID(), () -> given().get("/api/v1/cases/" + caseId).then().statusCode(404)
                .body("code", equalTo("case-not-found")));
        asCustomer(UUID.randomUUID(), () -> note(caseId, "CUSTOMER", "let me in").statusCode(404));
        asCustomer(customer, () -> given().get("/api/v1/cases/" + caseId + "/history").then().statusCode(403));
        given().get("/api/v1/cases/" + caseId).then().body("notes", hasSize(2));
    }

    @Test
    void customersReplyResumesACaseWaitingOnThem() {
        UUID customer = UUID.randomUUID();
        UUID caseId = complaint(customer, touchpoint, 2);
        move(caseId, "ACKNOWLEDGED", null);
        move(caseId, "IN_PROGRESS", null);
        move(caseId, "WAITING_ON_CUSTOMER", null);
        asCustomer(customer, () -> note(caseId, null, "Here is my receipt number").statusCode(201).body("visibility", equalTo("CUSTOMER")));
        given().get("/api/v1/cases/" + caseId).then().body("status", equalTo("IN_PROGRESS")).body("sla.paused", equalTo(false));
    }

    static io.restassured.response.ValidatableResponse note(UUID caseId, String visibility, String text) {
        Map<String, Object> body = visibility == null ? Map.of("text", text) : Map.of("visibility", visibility, "text", text);
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/v1/cases/" + caseId + "/notes").then();
    }

    static void asAgentDo(Runnable calls) {
        asAgent(() -> {
            calls.run();
            return null;
        });
    }
}
