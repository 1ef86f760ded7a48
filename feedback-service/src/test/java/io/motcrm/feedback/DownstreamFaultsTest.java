package io.motcrm.feedback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.motcrm.feedback.cases.CaseService;
import io.motcrm.feedback.empowerment.Compensation;
import io.motcrm.feedback.fakes.WireMockServices;
import io.motcrm.platform.outbox.OutboxMessage;
import io.motcrm.platform.outbox.OutboxStatus;
import io.motcrm.platform.testing.PostgresTestDatabase;
import io.motcrm.platform.web.CorrelationId;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The two outbound paths against WireMock stubs of customer-service and loyalty-service that fail at the
 * HTTP level: 5xx answers, answers later than the timeouts, reset connections and a service that is not
 * there at all. The other tests reach in-app fakes through fault proxies; this class runs under its own
 * profile (one application restart) so that the REST client, the outbox and the service token all point
 * at WireMock.
 */
@QuarkusTest
@TestProfile(DownstreamFaultsTest.WireMockProfile.class)
@TestSecurity(user = "agent-alex", roles = "agent")
class DownstreamFaultsTest {

    public static class WireMockProfile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // Build-time switch; the token endpoint itself is set by WireMockServices.
            return Map.of("quarkus.oidc-client.enabled", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestDatabase.class, Map.of("database", "feedback_test")),
                    new TestResourceEntry(WireMockServices.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            // The global FakeServicePorts would point the same clients at the fault proxies.
            return true;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer " + WireMockServices.SERVICE_TOKEN;

    @WireMockServices.CustomerService
    WireMockServer customerService;

    @WireMockServices.LoyaltyService
    WireMockServer loyaltyService;

    @Inject
    CaseService cases;

    String touchpoint;

    @BeforeEach
    void setUp() {
        customerService.resetAll();
        loyaltyService.resetAll();
        Arc.container().instance(CircuitBreakerMaintenance.class).get().resetAll();
        touchpoint = Fixtures.touchpoint("store-team");
    }

    @AfterEach
    void tearDown() {
        if (!loyaltyService.isRunning()) {
            loyaltyService.start();
        }
    }

    // --- customer-service: the value lookup while feedback is submitted --------------------------------

    @Test
    void failingSlowOrResettingCustomerServiceLeavesTheDefaultPriorityUntilItAnswers() {
        UUID customer = UUID.randomUUID();
        String valuePath = "/internal/v1/customers/" + customer + "/value";

        customerService.stubFor(get(urlEqualTo(valuePath)).willReturn(serverError()));
        UUID failing = submitComplaint(customer, "corr-5xx-" + customer);
        assertLookups(valuePath, "corr-5xx-" + customer);

        // Five seconds per answer: ten and more if the lookup waited for both attempts.
        customerService.resetRequests();
        customerService.stubFor(get(urlEqualTo(valuePath)).willReturn(okJson(value(customer)).withFixedDelay(5000)));
        long started = System.nanoTime();
        UUID slow = submitComplaint(customer, "corr-slow-" + customer);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertLookups(valuePath, "corr-slow-" + customer);

        customerService.resetRequests();
        customerService.stubFor(get(urlEqualTo(valuePath)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        UUID reset = submitComplaint(customer, "corr-reset-" + customer);
        assertLookups(valuePath, "corr-reset-" + customer);

        // Every case opened, with the default priority and its value still to be read.
        for (UUID caseId : List.of(failing, slow, reset)) {
            given().get("/api/v1/cases/" + caseId).then().statusCode(200).body("status", equalTo("NEW"))
                    .body("priority", equalTo("P2")).body("valuePending", equalTo(true));
        }

        // customer-service answers again (the breaker, opened by six failures, lets a trial call through soon).
        customerService.stubFor(get(urlEqualTo(valuePath)).willReturn(okJson(value(customer))));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(400)).until(() -> {
            cases.reprioritisePending();
            return given().get("/api/v1/cases/" + reset).then().extract().<Boolean>path("valuePending") == Boolean.FALSE;
        });
        // A detractor's complaint from a loyal, valuable customer: P1.
        for (UUID caseId : List.of(failing, slow, reset)) {
            given().get("/api/v1/cases/" + caseId).then().body("priority", equalTo("P1")).body("valuePending", equalTo(false));
        }
        assertThat(customerService.findAll(getRequestedFor(urlEqualTo(valuePath))))
                .allSatisfy(request -> assertThat(request.getHeader("Authorization")).isEqualTo(BEARER));
    }

    /** The value lookups of one submission: the first attempt and one retry, each with the service token and the submission's correlation id. */
    private void assertLookups(String valuePath, String correlationId) {
        List<LoggedRequest> lookups = customerService.findAll(getRequestedFor(urlEqualTo(valuePath)));
        assertThat(lookups).hasSize(2).allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo(BEARER);
            assertThat(request.getHeader(CorrelationId.HEADER)).isEqualTo(correlationId);
        });
    }

    private UUID submitComplaint(UUID customer, String correlationId) {
        String caseId = asCustomer(customer, () -> given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header(CorrelationId.HEADER, correlationId)
                .body(Map.of("type", "COMPLAINT", "touchpointCode", touchpoint, "csat", 2, "text", "Nobody at the desk"))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("caseId"));
        return UUID.fromString(caseId);
    }

    private static String value(UUID customer) {
        return "{\"customerId\":\"" + customer + "\",\"lifecycleStage\":\"loyal\",\"lifetimeValueMinor\":2000000}";
    }

    // --- loyalty-service: compensation grants through the outbox --------------------------------------

    @Test
    void compensationIsRetriedThroughServerErrorsAndATimeoutAndGrantedOnce() throws Exception {
        // Three 503s, then an answer later than the relay's 2 s request timeout, then 200.
        String[] states = { STARTED, "503-2", "503-3", "slow", "granted" };
        for (int i = 0; i < 3; i++) {
            loyaltyService.stubFor(post(urlEqualTo(Compensation.PATH)).inScenario("grant").whenScenarioStateIs(states[i])
                    .willReturn(aResponse().withStatus(503)).willSetStateTo(states[i + 1]));
        }
        loyaltyService.stubFor(post(urlEqualTo(Compensation.PATH)).inScenario("grant").whenScenarioStateIs("slow")
                .willReturn(aResponse().withStatus(200).withFixedDelay(3500)).willSetStateTo("granted"));
        loyaltyService.stubFor(post(urlEqualTo(Compensation.PATH)).inScenario("grant").whenScenarioStateIs("granted")
                .willReturn(aResponse().withStatus(200)));

        UUID customer = UUID.randomUUID();
        UUID caseId = submitComplaint(customer, "corr-grant-" + customer);
        UUID actionId = compensate(caseId, 1500);

        OutboxMessage delivered = awaitDelivered(actionId, Duration.ofSeconds(30));
        assertThat(delivered.attempts).isEqualTo(5);
        assertThat(delivered.lastStatus).isEqualTo(200);
        given().get("/api/v1/cases/" + caseId).then().body("actions.find { it.id == '" + actionId + "' }.status",
                equalTo("APPLIED"));

        // Five attempts, all the same message: one idempotency key, one action, the same points.
        List<LoggedRequest> attempts = deliveriesOf(actionId);
        assertThat(attempts).hasSize(5);
        for (LoggedRequest attempt : attempts) {
            assertThat(attempt.getHeader("Idempotency-Key")).isEqualTo(delivered.idempotencyKey);
            assertThat(attempt.getHeader("Authorization")).isEqualTo(BEARER);
            assertThat(attempt.getHeader(CorrelationId.HEADER)).isEqualTo("outbox-" + delivered.id);
            JsonNode body = JSON.readTree(attempt.getBodyAsString());
            assertThat(body.get("actionId").asText()).isEqualTo(actionId.toString());
            assertThat(body.get("customerId").asText()).isEqualTo(customer.toString());
            assertThat(body.get("caseId").asText()).isEqualTo(caseId.toString());
            assertThat(body.get("points").asLong()).isEqualTo(1500);
        }
        assertNoFurtherDeliveries(actionId, 5);
    }

    @Test
    void compensationWaitsWhileLoyaltyIsUnreachableAndIsGrantedOnceItIsBack() {
        loyaltyService.stubFor(post(urlEqualTo(Compensation.PATH)).willReturn(aResponse().withStatus(200)));
        loyaltyService.stop();

        UUID caseId = submitComplaint(UUID.randomUUID(), "corr-down-" + UUID.randomUUID());
        UUID actionId = compensate(caseId, 800);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxMessage(actionId).attempts >= 2);
        OutboxMessage waiting = outboxMessage(actionId);
        assertThat(waiting.status).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.lastStatus).isNull();

        loyaltyService.start();
        OutboxMessage delivered = awaitDelivered(actionId, Duration.ofSeconds(15));
        assertThat(delivered.attempts).isGreaterThanOrEqualTo(3);
        List<LoggedRequest> attempts = deliveriesOf(actionId);
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).getHeader("Idempotency-Key")).isEqualTo(delivered.idempotencyKey);
        assertNoFurtherDeliveries(actionId, 1);
    }

    private static UUID compensate(UUID caseId, long points) {
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("kind", "COMPENSATION_POINTS", "points", points, "note", "Sorry for the wait"))
                .post("/api/v1/cases/" + caseId + "/actions").then().statusCode(201).body("status", equalTo("APPLIED"))
                .extract().path("id");
        return UUID.fromString(id);
    }

    private List<LoggedRequest> deliveriesOf(UUID actionId) {
        return loyaltyService.findAll(postRequestedFor(urlEqualTo(Compensation.PATH))
                .withRequestBody(matchingJsonPath("$.actionId", WireMock.equalTo(actionId.toString()))));
    }

    /** A few relay rounds (1 s apart) after delivery, loyalty has still seen exactly {@code count} attempts. */
    private void assertNoFurtherDeliveries(UUID actionId, int count) {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> deliveriesOf(actionId).size() == count);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("payload like ?1", "%" + actionId + "%")))
                .isEqualTo(1);
    }

    private static OutboxMessage awaitDelivered(UUID actionId, Duration atMost) {
        await().atMost(atMost).until(() -> outboxMessage(actionId).status == OutboxStatus.DELIVERED);
        return outboxMessage(actionId);
    }

    private static OutboxMessage outboxMessage(UUID actionId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage>find("target = ?1 and payload like ?2", Compensation.TARGET, "%" + actionId + "%").singleResult());
    }
}
