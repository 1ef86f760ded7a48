package io.motcrm.loyalty.events;

import static io.motcrm.loyalty.Events.post;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Events.registered;
import static io.motcrm.loyalty.Fixtures.authorize;
import static io.motcrm.loyalty.Fixtures.balance;
import static io.motcrm.loyalty.Fixtures.code;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.partner;
import static io.motcrm.loyalty.Fixtures.staffRead;
import static io.motcrm.platform.testing.TestCallers.asPartner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.platform.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class ReferralAndErasureTest {

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    static String referral(UUID referrer, UUID referee, UUID purchase) {
        return """
                {"referrerId": "%s", "refereeId": "%s", "purchaseId": "%s", "occurredAt": "%s"}
                """.formatted(referrer, referee, purchase, Instant.now());
    }

    static String erased(UUID customer, UUID erasure) {
        return """
                {"customerId": "%s", "erasureId": "%s", "erasedAt": "%s"}
                """.formatted(customer, erasure, Instant.now());
    }

    @Test
    void aCompletedReferralRewardsBothSidesOnce() {
        UUID referrer = register();
        UUID referee = register();
        UUID purchase = UUID.randomUUID();
        long transaction = post("referral-completed", key(), referral(referrer, referee, purchase)).statusCode(200)
                .body("referrerPoints", equalTo(300)).body("refereePoints", equalTo(300))
                .body("duplicate", equalTo(false)).extract().jsonPath().getLong("transactionId");
        post("referral-completed", key(), referral(referrer, referee, purchase)).statusCode(200)
                .body("duplicate", equalTo(true)).body("transactionId", equalTo((int) transaction))
                .body("refereePoints", equalTo(300));
        post("referral-completed", key(), referral(register(), referee, purchase)).statusCode(422)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("referral-conflict"));
        post("referral-completed", key(), referral(referrer, referrer, purchase)).statusCode(422)
                .body("code", equalTo("self-referral"));
        post("referral-completed", key(), referral(referrer, UUID.randomUUID(), UUID.randomUUID())).statusCode(409)
                .body("code", equalTo("customer-not-registered"));
        balance(referrer).body("posted", equalTo(800));
        balance(referee).body("posted", equalTo(800));
    }

    @Test
    void erasureReleasesHoldsForfeitsThePointsAndAnonymisesTheAccount() {
        UUID customer = register();
        UUID firstPurchase = UUID.randomUUID();
        post("purchase-recorded", key(), io.motcrm.loyalty.Events.purchase(customer, firstPurchase,
                Instant.now().minusSeconds(60L * 86_400), 10_000, "general")).statusCode(200);
        // A purchase still inside its return window: locked points are forfeited too.
        post("purchase-recorded", key(), io.motcrm.loyalty.Events.purchase(customer, UUID.randomUUID(), Instant.now(),
                20_000, "general")).statusCode(200);
        String partner = partner(1, 100);
        String code = code(customer, null);
        String unusedCode = code(customer, null);
        String[] held = new String[1];
        asPartner(partner, () -> held[0] = authorize(key(), code, 300).statusCode(201).extract().path("id"));
        balance(customer).body("posted", equalTo(1_500)).body("held", equalTo(300)).body("locked", equalTo(200));

        UUID erasure = UUID.randomUUID();
        post("customer-erased", key(), erased(customer, erasure)).statusCode(200)
                .body("accountFound", equalTo(true))
                .body("releasedHeldPoints", equalTo(300))
                .body("forfeitedPoints", equalTo(1_800))
                .body("duplicate", equalTo(false));
        post("customer-erased", key(), erased(customer, erasure)).statusCode(200).body("duplicate", equalTo(true));
        balance(customer).body("status", equalTo("CLOSED")).body("posted", equalTo(0)).body("held", equalTo(0))
                .body("locked", equalTo(0));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.findCustomer(customer).orElseThrow().memberCode))
                .isNull();
        asPartner(partner, () -> {
            given().get("/partner/v1/redemptions/" + held[0]).then().statusCode(200).body("status", equalTo("VOIDED"))
                    .body("memberCode", nullValue());
            authorize(key(), unusedCode, 1).statusCode(422).body("code", equalTo("redemption-code-invalid"));
            given().contentType(ContentType.JSON).header("Idempotency-Key", key())
                    .body("{\"memberCode\": \"M-%s\", \"amountMinor\": 1000, \"reference\": \"r-%s\"}"
                            .formatted(customer.toString().substring(0, 8), UUID.randomUUID()))
                    .post("/partner/v1/earns").then().statusCode(404);
        });
        // Erasure is not ordered with the customer's other events: later ones are accepted and book nothing.
        UUID referrer = register();
        long transactionsBefore = QuarkusTransaction.requiringNew().call(
                () -> io.motcrm.loyalty.ledger.LedgerTransaction.count());
        post("purchase-recorded", key(), io.motcrm.loyalty.Events.purchase(customer, UUID.randomUUID(), Instant.now(),
                1_000, "general")).statusCode(200).body("customerErased", equalTo(true)).body("grantedPoints", equalTo(0));
        post("purchase-returned", key(), io.motcrm.loyalty.Events.returned(customer, firstPurchase, UUID.randomUUID(), 5_000))
                .statusCode(200).body("customerErased", equalTo(true)).body("reversedPoints", equalTo(0));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key()).body("""
                {"actionId": "%s", "customerId": "%s", "caseId": "%s", "points": 10}
                """.formatted(UUID.randomUUID(), customer, UUID.randomUUID()))
                .post("/internal/v1/compensations").then().statusCode(200).body("customerErased", equalTo(true));
        post("referral-completed", key(), referral(referrer, customer, UUID.randomUUID())).statusCode(200)
                .body("referrerPoints", equalTo(300)).body("refereePoints", equalTo(0));
        assertThat(QuarkusTransaction.requiringNew().call(() -> io.motcrm.loyalty.ledger.LedgerTransaction.count()))
                .as("only the referrer's bonus was booked").isEqualTo(transactionsBefore + 1);
        balance(customer).body("posted", equalTo(0));
    }

    @Test
    void anErasureBeforeTheRegistrationKeepsTheAccountFromOpening() {
        UUID customer = UUID.randomUUID();
        post("customer-erased", key(), erased(customer, UUID.randomUUID())).statusCode(200)
                .body("accountFound", equalTo(false));
        post("customer-registered", key(), registered(customer)).statusCode(200)
                .body("welcomeBonusPoints", equalTo(0)).body("duplicate", equalTo(true));
        staffRead().get("/api/v1/loyalty/customers/" + customer + "/balance").then().statusCode(404)
                .body("code", equalTo("account-not-found"));
        post("purchase-recorded", key(), io.motcrm.loyalty.Events.purchase(customer, UUID.randomUUID(), Instant.now(),
                1_000, "general")).statusCode(200).body("customerErased", equalTo(true));
    }
}
