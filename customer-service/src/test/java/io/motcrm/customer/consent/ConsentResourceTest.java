package io.motcrm.customer.consent;

import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.customer.Callers.newCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.platform.testing.MutableClock;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "agent-lee", roles = "agent")
class ConsentResourceTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String path(UUID customer) {
        return "/api/v1/customers/" + customer + "/consents";
    }

    static ValidatableResponse record(UUID customer, String key, String body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(body)
                .post(path(customer)).then();
    }

    static ValidatableResponse record(UUID customer, String purpose, boolean granted, String channel) {
        return record(customer, UUID.randomUUID().toString(),
                "{\"purpose\": \"%s\", \"granted\": %s, \"channel\": \"%s\", \"policyVersion\": \"2026-01\"}"
                        .formatted(purpose, granted, channel));
    }

    @Test
    void nothingIsGrantedByDefault() {
        UUID customer = newCustomer();
        given().get(path(customer)).then().statusCode(200)
                .body("", hasSize(5))
                .body("purpose", equalTo(List.of("marketing_email", "marketing_sms", "marketing_push",
                        "personalization", "partner_sharing")))
                .body("granted", equalTo(List.of(false, false, false, false, false)))
                .body("[0].occurredAt", nullValue());
        given().get(path(customer) + "/history").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void grantThenWithdrawLeavesTheLatestStateAndTheWholeHistory() {
        UUID customer = newCustomer();
        var granted = record(customer, "marketing_email", true, "WEB").statusCode(201)
                .body("purpose", equalTo("marketing_email"))
                .body("granted", equalTo(true))
                .body("channel", equalTo("WEB"))
                .body("policyVersion", equalTo("2026-01"))
                .extract();
        assertThat(granted.header("Location")).endsWith(path(customer) + "/history");
        record(customer, "personalization", true, "APP").statusCode(201);
        clock.advance(Duration.ofMinutes(5));
        record(customer, "marketing_email", false, "CALL_CENTRE").statusCode(201);

        given().get(path(customer)).then().statusCode(200)
                .body("find { it.purpose == 'marketing_email' }.granted", equalTo(false))
                .body("find { it.purpose == 'marketing_email' }.channel", equalTo("CALL_CENTRE"))
                .body("find { it.purpose == 'personalization' }.granted", equalTo(true))
                .body("find { it.purpose == 'marketing_sms' }.granted", equalTo(false));
        String withdrawnAt = given().get(path(customer) + "/history").then().statusCode(200)
                .body("", hasSize(3))
                .body("purpose", equalTo(List.of("marketing_email", "personalization", "marketing_email")))
                .body("granted", equalTo(List.of(true, true, false)))
                .extract().path("[2].occurredAt");
        // The current state and the history name the event's time alike.
        given().get(path(customer)).then()
                .body("find { it.purpose == 'marketing_email' }.occurredAt", equalTo(withdrawnAt))
                .body("find { it.purpose == 'marketing_email' }", not(hasKey("changedAt")));
        long stored = QuarkusTransaction.requiringNew().call(() -> ConsentEvent.count("customerId", customer));
        assertThat(stored).isEqualTo(3);
    }

    @Test
    void theHistoryCannotBeRewritten() {
        UUID customer = newCustomer();
        record(customer, "partner_sharing", true, "WEB").statusCode(201);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> ConsentEvent.getEntityManager()
                .createNativeQuery("update consent_event set granted = false where customer_id = :id")
                .setParameter("id", customer).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> ConsentEvent.delete("customerId", customer)))
                .hasStackTraceContaining("append-only");
        given().get(path(customer)).then()
                .body("find { it.purpose == 'partner_sharing' }.granted", equalTo(true));
    }

    @Test
    void retryRecordsTheEventOnce() {
        UUID customer = newCustomer();
        String key = UUID.randomUUID().toString();
        String body = "{\"purpose\": \"marketing_sms\", \"granted\": true, \"channel\": \"STORE\", \"policyVersion\": \"v3\"}";
        var first = record(customer, key, body).statusCode(201).extract();
        record(customer, key, body).statusCode(201).header(Idempotency.REPLAYED_HEADER, "true")
                .body("id", equalTo(first.<Integer> path("id")));
        given().get(path(customer) + "/history").then().body("", hasSize(1));
        given().contentType(ContentType.JSON).body(body).post(path(customer)).then().statusCode(400)
                .body("code", equalTo("idempotency-key-missing"));
    }

    @Test
    void unknownPurposeOrChannelOrMissingFieldIsA400() {
        UUID customer = newCustomer();
        record(customer, "telepathy", true, "WEB").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("invalid-field")).body("violations[0].field", equalTo("purpose"));
        record(customer, "marketing_email", true, "CARRIER_PIGEON").statusCode(400)
                .body("code", equalTo("invalid-field")).body("violations[0].field", equalTo("channel"));
        record(customer, UUID.randomUUID().toString(), "{\"purpose\": \"marketing_email\", \"channel\": \"WEB\"}")
                .statusCode(400).body("code", equalTo("validation-failed"));
        given().get(path(customer) + "/history").then().body("", hasSize(0));
    }

    @Test
    void unknownCustomerIsA404() {
        record(UUID.randomUUID(), "marketing_email", true, "WEB").statusCode(404)
                .body("code", equalTo("customer-not-found"));
        given().get(path(UUID.randomUUID())).then().statusCode(404).body("code", equalTo("customer-not-found"));
    }

    @Test
    void aCustomerManagesOnlyTheirOwnConsents() {
        UUID self = newCustomer();
        UUID other = newCustomer();
        asCustomer(self, () -> {
            record(self, "marketing_push", true, "APP").statusCode(201);
            given().get(path(self)).then().statusCode(200)
                    .body("find { it.purpose == 'marketing_push' }.granted", equalTo(true));
            record(other, "marketing_push", true, "APP").statusCode(404).body("code", equalTo("customer-not-found"));
            given().get(path(other)).then().statusCode(404);
            given().get(path(other) + "/history").then().statusCode(404);
        });
        given().get(path(other) + "/history").then().statusCode(200).body("", hasSize(0));
    }
}
