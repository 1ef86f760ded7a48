package io.motcrm.loyalty.compensation;

import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.balance;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.loyalty.ledger.TransactionKind;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "feedback-service", roles = { "service", "agent" })
class CompensationTest {

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    static String body(UUID action, UUID customer, UUID caseId, long points) {
        return """
                {"actionId": "%s", "customerId": "%s", "caseId": "%s", "points": %d, "reason": "late delivery"}
                """.formatted(action, customer, caseId, points);
    }

    static ValidatableResponse compensate(String key, String body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(body)
                .post("/internal/v1/compensations").then();
    }

    @Test
    void aCaseActionGrantsPointsOnceWhateverTheKey() {
        UUID customer = register();
        UUID action = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String key = key();
        long transaction = compensate(key, body(action, customer, caseId, 250)).statusCode(200)
                .body("points", equalTo(250)).body("duplicate", equalTo(false))
                .extract().jsonPath().getLong("transactionId");
        compensate(key, body(action, customer, caseId, 250)).statusCode(200)
                .header(Idempotency.REPLAYED_HEADER, "true").body("transactionId", equalTo((int) transaction));
        compensate(key(), body(action, customer, caseId, 250)).statusCode(200)
                .body("duplicate", equalTo(true)).body("transactionId", equalTo((int) transaction));
        compensate(key(), body(action, customer, caseId, 300)).statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("compensation-conflict"));
        balance(customer).body("posted", equalTo(750)).body("available", equalTo(750));
        assertThat(QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count("kind = ?1 and reference = ?2",
                TransactionKind.COMPENSATION, "compensation:" + action))).isEqualTo(1);
    }

    @Test
    void badCompensationsAreProblems() {
        UUID customer = register();
        compensate(key(), body(UUID.randomUUID(), customer, UUID.randomUUID(), 0)).statusCode(400)
                .body("code", equalTo("validation-failed"));
        compensate(key(), body(UUID.randomUUID(), customer, UUID.randomUUID(), -10)).statusCode(400);
        compensate(key(), body(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 10)).statusCode(409)
                .body("code", equalTo("customer-not-registered"));
        given().contentType(ContentType.JSON).body(body(UUID.randomUUID(), customer, UUID.randomUUID(), 10))
                .post("/internal/v1/compensations").then().statusCode(400).body("code", equalTo("idempotency-key-missing"));
        asCustomer(customer, () -> compensate(key(), body(UUID.randomUUID(), customer, UUID.randomUUID(), 10))
                .statusCode(403));
        balance(customer).body("posted", equalTo(500));
    }
}
