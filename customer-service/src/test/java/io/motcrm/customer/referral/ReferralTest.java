package io.motcrm.customer.referral;

import static io.motcrm.customer.Callers.PURPOSE;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Callers.signUp;
import static io.motcrm.customer.Fixtures.json;
import static io.motcrm.customer.Fixtures.outbox;
import static io.motcrm.customer.Fixtures.purchase;
import static io.motcrm.customer.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.Fixtures.Line;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.outbox.OutboxMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "supervisor-yoon", roles = "supervisor")
class ReferralTest {

    static final String COMPLETED = "/internal/v1/events/referral-completed";

    static ValidatableResponse referrals(UUID customer) {
        return given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).get("/api/v1/customers/" + customer + "/referrals")
                .then();
    }

    static String codeOf(UUID customer) {
        return referrals(customer).statusCode(200).extract().path("referralCode");
    }

    static ValidatableResponse link(UUID customer, String code) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"referralCode\": \"%s\"}".formatted(code))
                .post("/api/v1/customers/" + customer + "/referrals").then();
    }

    static UUID signUpWithCode(String code) {
        String u = unique();
        String id = signUp("{\"name\": \"Referee %s\", \"email\": \"referee.%s@example.com\", \"referralCode\": \"%s\"}"
                .formatted(u, u, code)).statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    @Test
    void everyCustomerHasAReferralCode() {
        UUID customer = newCustomer();
        referrals(customer).statusCode(200)
                .body("referralCode", matchesPattern("[0-9A-HJKMNP-TV-Z]{8}"))
                .body("referredBy", nullValue())
                .body("referees", hasSize(0));
    }

    @Test
    void signUpWithACodeLinksTheRefereeAndTheFirstPurchaseCompletesItOnce() {
        UUID referrer = newCustomer();
        String code = codeOf(referrer);
        // Codes are read like member codes: any case, hyphens ignored.
        UUID referee = signUpWithCode(code.substring(0, 4).toLowerCase() + "-" + code.substring(4));

        referrals(referee).statusCode(200)
                .body("referredBy.referrerId", equalTo(referrer.toString()))
                .body("referredBy.completedAt", nullValue());
        referrals(referrer).statusCode(200).body("referees", hasSize(1))
                .body("referees[0].refereeId", equalTo(referee.toString()));
        assertThat(outbox("customer", referee, COMPLETED)).isEmpty();

        UUID first = purchase(referee, Instant.now(), new Line("A", "x", 1, 1000));
        purchase(referee, Instant.now(), new Line("B", "x", 1, 1000));

        List<OutboxMessage> completed = outbox("customer", referee, COMPLETED);
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).target).isEqualTo("loyalty-api");
        JsonNode payload = json(completed.get(0).payload);
        assertThat(payload.get("referrerId").asText()).isEqualTo(referrer.toString());
        assertThat(payload.get("refereeId").asText()).isEqualTo(referee.toString());
        assertThat(payload.get("purchaseId").asText()).isEqualTo(first.toString());
        assertThat(payload.get("occurredAt").asText()).isNotBlank();
        referrals(referee).body("referredBy.completedAt", notNullValue())
                .body("referredBy.purchaseId", equalTo(first.toString()));
    }

    @Test
    void aCustomerWithoutAReferrerMakesNoReferralEvent() {
        UUID customer = newCustomer();
        purchase(customer, Instant.now(), new Line("A", "x", 1, 1000));
        assertThat(outbox("customer", customer, COMPLETED)).isEmpty();
    }

    @Test
    void unknownCodesSelfReferralAndASecondReferrerAreRefused() {
        String u = unique();
        signUp("{\"name\": \"X\", \"email\": \"x.%s@example.com\", \"referralCode\": \"ZZZZZZZZ\"}".formatted(u))
                .statusCode(422).body("code", equalTo("unknown-referral-code"));
        // The refused sign-up left nothing behind.
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam("email", "x." + u + "@example.com")
                .get("/api/v1/customers").then().body("totalItems", equalTo(0));

        UUID customer = newCustomer();
        UUID first = newCustomer();
        UUID second = newCustomer();
        link(customer, codeOf(customer)).statusCode(422).body("code", equalTo("self-referral"));
        link(customer, codeOf(first)).statusCode(201).body("referrerId", equalTo(first.toString()));
        link(customer, codeOf(second)).statusCode(409).body("code", equalTo("referrer-already-set"));
        link(customer, "not a code!").statusCode(422).body("code", equalTo("unknown-referral-code"))
                .body("violations[0].field", equalTo("referralCode")).body("$", not(hasKey("field")));
    }

    @Test
    void aReferrerCanOnlyBeNamedBeforeTheFirstPurchase() {
        UUID referrer = newCustomer();
        UUID late = newCustomer();
        purchase(late, Instant.now(), new Line("A", "x", 1, 1000));
        link(late, codeOf(referrer)).statusCode(409).body("code", equalTo("referral-too-late"));
    }

    @Test
    void aCustomerNamesTheirOwnReferrerButNoOneElses() {
        UUID referrer = newCustomer();
        UUID self = newCustomer();
        UUID other = newCustomer();
        String code = codeOf(referrer);
        asCustomer(self, () -> {
            link(self, code).statusCode(201);
            link(other, code).statusCode(404).body("code", equalTo("customer-not-found"));
            given().get("/api/v1/customers/" + self + "/referrals").then().statusCode(200)
                    .body("referredBy.referrerId", equalTo(referrer.toString()));
            given().get("/api/v1/customers/" + other + "/referrals").then().statusCode(404);
        });
    }
}
