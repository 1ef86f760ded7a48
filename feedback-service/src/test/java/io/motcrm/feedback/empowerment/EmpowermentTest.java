package io.motcrm.feedback.empowerment;

import static io.motcrm.feedback.Fixtures.as;
import static io.motcrm.feedback.Fixtures.complaint;
import static io.motcrm.feedback.Fixtures.move;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.fakes.FakeLoyalty;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.outbox.OutboxMessage;
import io.motcrm.platform.outbox.OutboxStatus;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.FaultProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class EmpowermentTest {

    @Inject
    FakeLoyalty loyalty;

    String touchpoint;

    @BeforeEach
    void setUp() {
        FakeServices.up();
        touchpoint = Fixtures.touchpoint("store-team");
    }

    @AfterEach
    void restore() {
        FakeServices.up();
        loyalty.failNext(0, 503);
        loyalty.slowNext(0, 0);
    }

    static ValidatableResponse act(UUID caseId, Map<String, Object> action) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(action).post("/api/v1/cases/" + caseId + "/actions").then();
    }

    static ValidatableResponse compensate(UUID caseId, long points) {
        return act(caseId, Map.of("kind", "COMPENSATION_POINTS", "points", points, "note", "Sorry for the wait"));
    }

    private void awaitGranted(UUID actionId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.grants.containsKey(actionId) && delivered(actionId));
    }

    private static boolean delivered(UUID actionId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "payload like ?1 and status = ?2", "%" + actionId + "%", OutboxStatus.DELIVERED)) == 1;
    }

    @Test
    void withinAuthorityTheCompensationIsGrantedAtOnceThroughLoyalty() {
        UUID customer = UUID.randomUUID();
        UUID caseId = complaint(customer, touchpoint, 2);
        String id = compensate(caseId, 3000).statusCode(201).body("status", equalTo("APPLIED"))
                .body("requestedRole", equalTo("agent")).extract().path("id");
        UUID actionId = UUID.fromString(id);
        awaitGranted(actionId);
        var grant = loyalty.grants.get(actionId);
        assertThat(grant.get("customerId").asText()).isEqualTo(customer.toString());
        assertThat(grant.get("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(grant.get("points").asLong()).isEqualTo(3000);
        // Points with an apology are refused, never dropped: the agent learns they were not granted.
        act(caseId, Map.of("kind", "APOLOGY", "points", 500)).statusCode(422)
                .body("code", equalTo("points-not-accepted")).body("violations[0].field", equalTo("points"));
        act(caseId, Map.of("kind", "APOLOGY")).statusCode(201).body("status", equalTo("APPLIED"));
        act(caseId, Map.of("kind", "CALL_BACK", "note", "after 6 pm")).statusCode(201);
        given().get("/api/v1/cases/" + caseId).then().body("actions.kind", hasItem("CALL_BACK"))
                .body("firstResponseAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aboveTheCaseLimitAnApprovalRequestGoesToASupervisor() {
        UUID caseId = complaint(UUID.randomUUID(), touchpoint, 2);
        compensate(caseId, 4000).statusCode(201);
        String requestId = compensate(caseId, 2000).statusCode(202).body("status", equalTo("PENDING_APPROVAL"))
                .extract().path("id");
        UUID actionId = UUID.fromString(requestId);
        assertThat(loyalty.grants).doesNotContainKey(actionId);

        // No self-approval, even for a supervisor who raised the request.
        UUID other = complaint(UUID.randomUUID(), touchpoint, 2);
        String supervisorsOwn = as("supervisor-sue", Roles.SUPERVISOR, () -> compensate(other, 30_000).statusCode(202)
                .extract().path("id"));
        as("supervisor-sue", Roles.SUPERVISOR, () -> decide(supervisorsOwn, "approve", "fine").statusCode(403)
                .body("code", equalTo("self-approval")));
        // Agents cannot approve at all.
        decide(requestId, "approve", "me").statusCode(403);

        as("supervisor-sue", Roles.SUPERVISOR, () -> {
            given().get("/api/v1/approvals").then().statusCode(200).body("id", hasItem(requestId));
            return decide(requestId, "approve", "Loyal customer, long wait").statusCode(200)
                    .body("status", equalTo("APPLIED")).body("decidedBy", equalTo("supervisor-sue"));
        });
        awaitGranted(actionId);
        as("supervisor-sue", Roles.SUPERVISOR, () -> {
            decide(requestId, "reject", "changed my mind").statusCode(409).body("code", equalTo("approval-decided"))
                    .body("currentStatus", equalTo("APPLIED")).body("status", equalTo(409));
            return given().get("/api/v1/approvals").then().body("id", not(hasItem(requestId)));
        });
        given().get("/api/v1/cases/" + caseId + "/history").then().body("kind", hasItem("APPROVAL_REQUESTED"))
                .body("kind", hasItem("APPROVED"));
    }

    /** Issue 15: the list showed requests the supervisor could not decide (their own, or above their authority). */
    @Test
    void theApprovalsListShowsOnlyWhatTheCallerMayDecide() {
        String agents = compensate(complaint(UUID.randomUUID(), touchpoint, 2), 6_000).statusCode(202).extract().path("id");
        String aboveSupervisors = compensate(complaint(UUID.randomUUID(), touchpoint, 2), 30_000).statusCode(202).extract().path("id");
        String supervisorsOwn = as("supervisor-sue", Roles.SUPERVISOR, () -> compensate(complaint(UUID.randomUUID(), touchpoint, 2),
                25_000).statusCode(202).extract().path("id"));
        as("supervisor-sue", Roles.SUPERVISOR, () -> given().get("/api/v1/approvals").then().statusCode(200)
                .body("id", hasItem(agents)).body("id", not(hasItem(aboveSupervisors))).body("id", not(hasItem(supervisorsOwn))));
        as("admin-ann", Roles.ADMIN, () -> given().get("/api/v1/approvals").then().statusCode(200)
                .body("id", hasItem(agents)).body("id", hasItem(aboveSupervisors)).body("id", hasItem(supervisorsOwn)));
    }

    /** Issue 15: a 202 did not say which limit was reached. */
    @Test
    void aPendingApprovalSaysWhichLimitWasReached() {
        compensate(complaint(UUID.randomUUID(), touchpoint, 2), 6_000).statusCode(202)
                .body("authorityLimit.limitReached", equalTo("PER_CASE")).body("authorityLimit.role", equalTo("agent"))
                .body("authorityLimit.perCase", equalTo(5000)).body("authorityLimit.perDay", equalTo(20000))
                .body("authorityLimit.onCase", equalTo(0));
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        as(agent, Roles.AGENT, () -> {
            for (int i = 0; i < 4; i++) {
                compensate(complaint(UUID.randomUUID(), touchpoint, 2), 5_000).statusCode(201).body("authorityLimit", equalTo(null));
            }
            return compensate(complaint(UUID.randomUUID(), touchpoint, 2), 100).statusCode(202)
                    .body("authorityLimit.limitReached", equalTo("PER_DAY")).body("authorityLimit.today", equalTo(20000))
                    .body("authorityLimit.perDay", equalTo(20000));
        });
    }

    @Test
    void aSupervisorCannotApproveAboveTheirOwnAuthorityButAnAdminCan() {
        UUID caseId = complaint(UUID.randomUUID(), touchpoint, 2);
        // 30,000 points on one case: above an agent's 5,000 and a supervisor's 20,000, within an admin's 50,000.
        String requestId = compensate(caseId, 30_000).statusCode(202).extract().path("id");
        as("supervisor-sue", Roles.SUPERVISOR, () -> decide(requestId, "approve", "Big miss").statusCode(403)
                .body("code", equalTo("approval-above-authority")));
        assertThat(loyalty.grants).doesNotContainKey(UUID.fromString(requestId));
        as("admin-ann", Roles.ADMIN, () -> decide(requestId, "approve", "Big miss, approved by operations").statusCode(200)
                .body("status", equalTo("APPLIED")).body("decidedBy", equalTo("admin-ann")));
        awaitGranted(UUID.fromString(requestId));
    }

    @Test
    void rejectedRequestGrantsNothing() {
        UUID caseId = complaint(UUID.randomUUID(), touchpoint, 2);
        String requestId = compensate(caseId, 9000).statusCode(202).extract().path("id");
        as("supervisor-sue", Roles.SUPERVISOR, () -> decide(requestId, "reject", "Out of proportion").statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionReason", equalTo("Out of proportion")));
        as("supervisor-sue", Roles.SUPERVISOR, () -> decide(requestId, "reject", "").statusCode(400));
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("payload like ?1", "%" + requestId + "%")))
                .isZero();
    }

    @Test
    void theDailyLimitCountsEveryGrantOfThePerson() {
        String agent = "agent-daily-" + UUID.randomUUID();
        as(agent, Roles.AGENT, () -> {
            for (int i = 0; i < 4; i++) {
                compensate(complaint(UUID.randomUUID(), touchpoint, 2), 5000).statusCode(201);
            }
            return compensate(complaint(UUID.randomUUID(), touchpoint, 2), 1).statusCode(202);
        });
    }

    /** Eight grants of 5,000 raced at once against a 20,000 daily limit: exactly four fit. */
    @Test
    @TestSecurity
    void racingGrantsNeverExceedTheDailyLimit() throws Exception {
        String agent = "agent-race-" + UUID.randomUUID();
        java.util.List<UUID> caseIds = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            caseIds.add(complaint(UUID.randomUUID(), touchpoint, 2));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            String bearer = io.motcrm.platform.testing.TestTokens.bearer(agent, java.util.Set.of(Roles.AGENT), Map.of());
            for (UUID caseId : caseIds) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", bearer).contentType(ContentType.JSON)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(Map.of("kind", "COMPENSATION_POINTS", "points", 5000))
                            .post("/api/v1/cases/" + caseId + "/actions").then().extract().statusCode();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 202);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseAction.count("requestedBy = ?1 and status = ?2", agent,
                ActionStatus.APPLIED))).isEqualTo(4);
    }

    @Test
    void badActionsAreProblems() {
        UUID caseId = complaint(UUID.randomUUID(), touchpoint, 2);
        act(caseId, Map.of("kind", "COMPENSATION_POINTS")).statusCode(422).body("code", equalTo("points-required"));
        act(caseId, Map.of("kind", "COMPENSATION_POINTS", "points", -5)).statusCode(400);
        act(caseId, Map.of("kind", "FREE_CAR")).statusCode(400).body("code", equalTo("invalid-field"));
        act(UUID.randomUUID(), Map.of("kind", "APOLOGY")).statusCode(404).body("code", equalTo("case-not-found"));
        decide(UUID.randomUUID().toString(), "approve", "x").statusCode(403);
        as("supervisor-sue", Roles.SUPERVISOR, () -> decide(UUID.randomUUID().toString(), "approve", "x").statusCode(404)
                .body("code", equalTo("approval-not-found")));
    }

    @Test
    void loyaltyUnreachableThenBackGrantsExactlyOnce() {
        FakeServices.loyalty().mode(FaultProxy.Mode.DOWN);
        UUID caseId = complaint(UUID.randomUUID(), touchpoint, 2);
        UUID actionId = UUID.fromString(compensate(caseId, 1000).statusCode(201).extract().path("id"));
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .count("payload like ?1 and attempts > 1", "%" + actionId + "%")) == 1);
        assertThat(loyalty.grants).doesNotContainKey(actionId);

        // Back, but the answers are lost after loyalty applied the grant: the relay retries.
        FakeServices.loyalty().mode(FaultProxy.Mode.DROP_RESPONSES);
        await().atMost(Duration.ofSeconds(10)).until(() -> loyalty.grants.containsKey(actionId));
        FakeServices.loyalty().mode(FaultProxy.Mode.UP);
        awaitGranted(actionId);
        // Delivered more than once (the lost answers), applied once: loyalty grants once per action id,
        // and exactly one outbox message carries the grant.
        assertThat(loyalty.deliveriesOf(actionId)).isGreaterThanOrEqualTo(2);
        assertThat(loyalty.grants.get(actionId).get("points").asLong()).isEqualTo(1000);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("payload like ?1", "%" + actionId + "%")))
                .isEqualTo(1);
    }

    @Test
    void loyaltyTimeoutsAndServerErrorsAreRetriedUntilGrantedOnce() {
        loyalty.failNext(2, 503);
        UUID caseId = complaint(UUID.randomUUID(), touchpoint, 2);
        UUID actionId = UUID.fromString(compensate(caseId, 1500).statusCode(201).extract().path("id"));
        await().atMost(Duration.ofSeconds(10)).until(() -> loyalty.deliveriesOf(actionId) >= 2);
        // Next: applied but answered after the relay's 2 s request timeout.
        loyalty.slowNext(1, 3000);
        awaitGranted(actionId);
        assertThat(loyalty.deliveriesOf(actionId)).isGreaterThanOrEqualTo(3);
        OutboxMessage message = QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage>find("payload like ?1", "%" + actionId + "%").singleResult());
        assertThat(message.attempts).isGreaterThanOrEqualTo(3);
        assertThat(message.target).isEqualTo("loyalty-api");
        assertThat(message.path).isEqualTo("/internal/v1/compensations");
    }

    @Test
    void anonymousCaseCannotBeCompensatedWithPoints() {
        String token = Fixtures.asAdmin(() -> given().post("/api/v1/touchpoints/" + touchpoint + "/public-link").then()
                .extract().path("token"));
        String feedbackId = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("token", token, "type", "COMPLAINT", "csat", 1)).post("/public/v1/feedback")
                .then().statusCode(201).extract().path("id");
        String caseId = given().get("/api/v1/feedback/" + feedbackId).then().extract().path("caseId");
        compensate(UUID.fromString(caseId), 100).statusCode(422).body("code", equalTo("compensation-needs-customer"));
        move(UUID.fromString(caseId), "ACKNOWLEDGED", null).statusCode(200);
    }

    static ValidatableResponse decide(String requestId, String decision, String reason) {
        return given().contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/approvals/" + requestId + "/" + decision).then();
    }
}
