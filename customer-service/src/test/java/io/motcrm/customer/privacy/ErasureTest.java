package io.motcrm.customer.privacy;

import static io.motcrm.customer.Callers.PURPOSE;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Callers.signUp;
import static io.motcrm.customer.Fixtures.consent;
import static io.motcrm.customer.Fixtures.json;
import static io.motcrm.customer.Fixtures.outbox;
import static io.motcrm.customer.Fixtures.postPurchase;
import static io.motcrm.customer.Fixtures.purchase;
import static io.motcrm.customer.Fixtures.purchaseBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.EventReceivers;
import io.motcrm.customer.Fixtures.Line;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.outbox.OutboxMessage;
import io.motcrm.platform.outbox.OutboxRelay;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "supervisor-han", roles = "supervisor")
class ErasureTest {

    static final String ERASED = "/internal/v1/events/customer-erased";

    @Inject
    OutboxRelay relay;

    @Inject
    MutableClock clock;

    @Inject
    Erasures erasures;

    @ConfigProperty(name = "quarkus.rest-client.loyalty-api.url")
    String loyaltyUrl;

    @ConfigProperty(name = "quarkus.rest-client.feedback-api.url")
    String feedbackUrl;

    @AfterEach
    void restore() {
        clock.reset();
        EventReceivers.answerWith(loyaltyUrl, 200);
        EventReceivers.answerWith(feedbackUrl, 200);
    }

    static ValidatableResponse erase(UUID customer) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .post("/api/v1/customers/" + customer + "/erasure").then();
    }

    static ValidatableResponse erasure(UUID customer) {
        return given().get("/api/v1/customers/" + customer + "/erasure").then();
    }

    static ValidatableResponse profile(UUID customer) {
        return given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).get("/api/v1/customers/" + customer).then();
    }

    void deliver() {
        while (relay.deliverDue() > 0) {
            // drain
        }
    }

    @Test
    void erasureAnonymisesAtOnceRetiresTheCodesAndWithdrawsConsents() {
        UUID customer = newCustomer();
        consent(customer, "marketing_email", true);
        consent(customer, "personalization", true);
        var before = profile(customer).statusCode(200).extract();
        String memberCode = before.path("memberCode");
        String email = before.path("email");
        purchase(customer, Instant.now(), new Line("A", "x", 1, 100));

        erase(customer).statusCode(201)
                .body("customerId", equalTo(customer.toString()))
                .body("completed", equalTo(false))
                .body("services.service", equalTo(List.of("customer-service", "feedback-service", "loyalty-service")))
                .body("services[0].status", equalTo("COMPLETED"))
                .body("services[1].status", equalTo("PENDING"));

        profile(customer).statusCode(200)
                .body("status", equalTo("ERASED"))
                .body("name", equalTo("Erased customer"))
                .body("email", nullValue())
                .body("phone", nullValue())
                .body("memberCode", nullValue())
                .body("referralCode", nullValue());
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam("memberCode", memberCode)
                .get("/api/v1/customers").then().body("totalItems", equalTo(0));
        given().get("/api/v1/customers/" + customer + "/consents").then().statusCode(200)
                .body("granted", everyItem(equalTo(false)));
        given().get("/api/v1/customers/" + customer + "/consents/history").then()
                .body("findAll { it.granted == false }.policyVersion", equalTo(List.of("erasure", "erasure")));
        // The email is free again; the retired member code is never issued again.
        signUp("{\"name\": \"New\", \"email\": \"%s\"}".formatted(email)).statusCode(201);
        Object retired = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.getEntityManager()
                .createNativeQuery("select count(*) from retired_member_code where code_sha256 = "
                        + io.motcrm.customer.profile.Customer.RETIRED_CODE_KEY)
                .setParameter("code", memberCode).getSingleResult());
        assertThat(((Number) retired).longValue()).isEqualTo(1);

        // Nothing new for an erased customer.
        postPurchase(customer, purchaseBody("o-" + UUID.randomUUID(), Instant.now(), new Line("A", "x", 1, 1)))
                .statusCode(409).body("code", equalTo("customer-erased"));
        given().contentType(ContentType.JSON).body("{\"name\": \"Back\"}").header(CallerAccess.PURPOSE_HEADER, PURPOSE)
                .patch("/api/v1/customers/" + customer).then().statusCode(409).body("code", equalTo("customer-erased"));
    }

    @Test
    void erasureAsksLoyaltyAndFeedbackThroughTheOutboxAndRecordsTheirCompletion() {
        UUID customer = newCustomer();
        String erasureId = erase(customer).statusCode(201).extract().path("id");

        List<OutboxMessage> messages = outbox("erasure", erasureId);
        assertThat(messages).extracting(m -> m.target).containsExactlyInAnyOrder("loyalty-api", "feedback-api");
        assertThat(messages).extracting(m -> m.path).containsOnly(ERASED);
        var payload = json(messages.get(0).payload);
        assertThat(payload.get("customerId").asText()).isEqualTo(customer.toString());
        assertThat(payload.get("erasureId").asText()).isEqualTo(erasureId);
        assertThat(payload.get("erasedAt").asText()).isNotBlank();

        // Feedback is down: loyalty completes, feedback stays pending.
        EventReceivers.answerWith(feedbackUrl, 503);
        deliver();
        erasure(customer).statusCode(200)
                .body("completed", equalTo(false))
                .body("services.find { it.service == 'loyalty-service' }.status", equalTo("COMPLETED"))
                .body("services.find { it.service == 'loyalty-service' }.completedAt", notNullValue())
                .body("services.find { it.service == 'feedback-service' }.status", equalTo("PENDING"));
        assertThat(EventReceivers.received(loyaltyUrl).stream()
                .filter(r -> r.path().equals(ERASED) && r.body().contains(erasureId)).toList())
                .singleElement().satisfies(r -> assertThat(r.idempotencyKey()).isNotBlank());

        // Feedback is back; the retry after the back-off delivers.
        EventReceivers.answerWith(feedbackUrl, 200);
        clock.advance(Duration.ofMinutes(10));
        deliver();
        erasure(customer).statusCode(200).body("completed", equalTo(true))
                .body("services.status", everyItem(equalTo("COMPLETED")));

        // Delivered messages are purged after a while; the completion is kept here.
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.delete("aggregateType = ?1 and aggregateId = ?2",
                "erasure", erasureId));
        erasure(customer).statusCode(200).body("completed", equalTo(true));
    }

    @Test
    void theScheduledJobRecordsCompletionsWithoutAnyoneReading() {
        UUID customer = newCustomer();
        UUID erasureId = UUID.fromString(erase(customer).statusCode(201).extract().path("id"));
        deliver();
        erasures.syncOpen();
        List<ErasureTarget> parts = QuarkusTransaction.requiringNew().call(() -> ErasureTarget.of(erasureId));
        assertThat(parts).extracting(p -> p.status).containsOnly(ErasureTarget.Status.COMPLETED);
        assertThat(parts).extracting(p -> p.completedAt).doesNotContainNull();
    }

    @Test
    void erasingTwiceIsHarmless() {
        UUID customer = newCustomer();
        String first = erase(customer).statusCode(201).extract().path("id");
        erase(customer).statusCode(200).body("id", equalTo(first));
        assertThat(outbox("erasure", first)).hasSize(2);
        given().get("/api/v1/customers/" + customer + "/consents/history").then().statusCode(200);
    }

    @Test
    void aCustomerErasesThemselvesButAgentsCannotEraseAnyone() {
        UUID self = newCustomer();
        UUID other = newCustomer();
        asCustomer(self, () -> {
            erase(other).statusCode(404).body("code", equalTo("customer-not-found"));
            erasure(self).statusCode(404).body("code", equalTo("erasure-not-found"));
            erase(self).statusCode(201);
            erasure(self).statusCode(200).body("customerId", equalTo(self.toString()));
        });
        io.motcrm.platform.testing.TestCallers.asStaff("agent-jo", "agent", () -> erase(other).statusCode(403));
        erase(UUID.randomUUID()).statusCode(404).body("code", equalTo("customer-not-found"));
    }
}
