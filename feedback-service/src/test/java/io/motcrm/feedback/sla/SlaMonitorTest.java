package io.motcrm.feedback.sla;

import static io.motcrm.feedback.Fixtures.complaint;
import static io.motcrm.feedback.Fixtures.move;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.fakes.FakeCustomers;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class SlaMonitorTest {

    @Inject
    MutableClock clock;

    @Inject
    SlaMonitor monitor;

    @Inject
    FakeCustomers customers;

    String touchpoint;

    @BeforeEach
    void setUp() {
        FakeServices.up();
        touchpoint = Fixtures.touchpoint("store-team");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A P1 case (worst-score complaint): first response 15 min, resolution 4 h, escalation step 1 h. */
    private UUID p1Case() {
        UUID customer = UUID.randomUUID();
        customers.value(customer, "first_purchase", 0);
        UUID caseId = complaint(customer, touchpoint, 1);
        given().get("/api/v1/cases/" + caseId).then().body("priority", equalTo("P1"));
        return caseId;
    }

    @Test
    void missedFirstResponseIsABreachEscalatedUpTheChain() {
        UUID caseId = p1Case();
        clock.advance(Duration.ofMinutes(14));
        monitor.check();
        given().get("/api/v1/cases/" + caseId).then().body("sla.firstResponseBreached", equalTo(false))
                .body("escalations", hasSize(0));

        clock.advance(Duration.ofMinutes(2));
        monitor.check();
        given().get("/api/v1/cases/" + caseId).then().body("sla.firstResponseBreached", equalTo(true))
                .body("escalations.role", contains("SUPERVISOR")).body("escalations[0].escalatedTo", equalTo("supervisor-sue"))
                .body("escalations[0].reason", equalTo("FIRST_RESPONSE"));

        clock.advance(Duration.ofHours(1));
        monitor.check();
        clock.advance(Duration.ofHours(1));
        monitor.check();
        monitor.check();
        // The chain ends with admin-ann: no further escalation, and no made-up name.
        given().get("/api/v1/cases/" + caseId).then()
                .body("escalations.role", contains("SUPERVISOR", "MANAGER"))
                .body("escalations.escalatedTo", contains("supervisor-sue", "admin-ann"))
                .body("sla.escalationLevel", equalTo(2));
        given().get("/api/v1/cases/" + caseId + "/history").then()
                .body("findAll { it.kind == 'ESCALATED' }", hasSize(2))
                .body("findAll { it.kind == 'SLA_BREACHED' }", hasSize(1));
        // Operators watching the live stream see the breach and each escalation.
        var events = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.motcrm.feedback.stream.MotEvent.<io.motcrm.feedback.stream.MotEvent>list("payload like ?1 order by id",
                        "%" + caseId + "%"));
        org.assertj.core.api.Assertions.assertThat(events.stream().map(e -> e.kind).toList())
                .containsSubsequence("CASE_OPENED", "SLA_BREACHED", "CASE_ESCALATED", "CASE_ESCALATED");
        // Each is sent as it is documented (GET /api/v1/mot/stream, x-events).
        events.forEach(e -> io.motcrm.feedback.stream.EventSchemas.assertMatchesDocumentedSchema(e.kind, e.payload));
    }

    /** Two replicas running the job at once record each breach and escalation once. */
    @Test
    void concurrentChecksEscalateEachLevelOnce() throws Exception {
        UUID caseId = p1Case();
        clock.advance(Duration.ofMinutes(16).plusHours(2));
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(replicas.submit(() -> monitor.check()));
            }
            for (var run : runs) {
                run.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }
        given().get("/api/v1/cases/" + caseId).then()
                .body("escalations.role", contains("SUPERVISOR", "MANAGER"));
        given().get("/api/v1/cases/" + caseId + "/history").then()
                .body("findAll { it.kind == 'ESCALATED' }", hasSize(2))
                .body("findAll { it.kind == 'SLA_BREACHED' }", hasSize(1));
    }

    @Test
    void timeWaitingOnTheCustomerDoesNotBreachTheResolutionTarget() {
        UUID caseId = p1Case();
        move(caseId, "ACKNOWLEDGED", null).statusCode(200);
        move(caseId, "IN_PROGRESS", null).statusCode(200);
        clock.advance(Duration.ofHours(1));
        move(caseId, "WAITING_ON_CUSTOMER", null).statusCode(200);
        clock.advance(Duration.ofHours(10));
        monitor.check();
        given().get("/api/v1/cases/" + caseId).then().body("sla.resolutionBreached", equalTo(false))
                .body("sla.firstResponseBreached", equalTo(false));

        move(caseId, "IN_PROGRESS", null).statusCode(200);
        clock.advance(Duration.ofMinutes(150));
        monitor.check();
        given().get("/api/v1/cases/" + caseId).then().body("sla.resolutionBreached", equalTo(false));
        clock.advance(Duration.ofMinutes(31));
        monitor.check();
        given().get("/api/v1/cases/" + caseId).then().body("sla.resolutionBreached", equalTo(true))
                .body("escalations.role", contains("SUPERVISOR")).body("escalations[0].reason", equalTo("RESOLUTION"));
    }

    @Test
    void answeredCaseIsNotBreachedAndLateResolutionCountsAsABreach() {
        UUID caseId = p1Case();
        clock.advance(Duration.ofMinutes(5));
        move(caseId, "ACKNOWLEDGED", null).statusCode(200);
        move(caseId, "IN_PROGRESS", null).statusCode(200);
        clock.advance(Duration.ofMinutes(30));
        monitor.check();
        given().get("/api/v1/cases/" + caseId).then().body("sla.firstResponseBreached", equalTo(false))
                .body("escalations", hasSize(0));
        clock.advance(Duration.ofHours(5));
        move(caseId, "RESOLVED", "staff-behaviour").statusCode(200).body("sla.resolutionBreached", equalTo(true));
    }
}
