package io.motcrm.loyalty.consent;

import static io.motcrm.loyalty.Events.oldPurchase;
import static io.motcrm.loyalty.Events.post;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Events.registered;
import static io.motcrm.loyalty.Fixtures.authorize;
import static io.motcrm.loyalty.Fixtures.code;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.partner;
import static io.motcrm.platform.testing.TestCallers.asPartner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestCallers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Partners get no persistent identifier without consent: a pseudonymous reference of their own, the member code
 * only while the customer allows {@code partner_sharing}, and nothing once the customer is erased.
 */
@QuarkusTest
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class PartnerSharingTest {

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    static String consent(UUID customer, String purpose, boolean granted, Instant changedAt) {
        return """
                {"customerId": "%s", "purpose": "%s", "granted": %s, "changedAt": "%s"}
                """.formatted(customer, purpose, granted, changedAt);
    }

    private static String memberCode(UUID customer) {
        return "M-" + customer.toString().substring(0, 8);
    }

    /** Holds one point at the partner with a new code of the customer; the partner's answer. */
    private static JsonPath redeem(String partner, UUID customer) {
        String code = code(customer, null);
        AtomicReference<JsonPath> answer = new AtomicReference<>();
        asPartner(partner, () -> answer.set(authorize(key(), code, 1).statusCode(201).extract().jsonPath()));
        return answer.get();
    }

    private static JsonPath read(String partner, String redemption) {
        AtomicReference<JsonPath> answer = new AtomicReference<>();
        asPartner(partner, () -> answer.set(given().get("/partner/v1/redemptions/" + redemption).then().statusCode(200)
                .extract().jsonPath()));
        return answer.get();
    }

    @Test
    void twoPartnersGetDifferentReferencesForTheSameCustomerAndNoMemberCodeWithoutConsent() {
        UUID customer = register();
        UUID other = register();
        String cafe = partner(1, 100);
        String books = partner(1, 100);

        JsonPath atCafe = redeem(cafe, customer);
        JsonPath atBooks = redeem(books, customer);
        String reference = atCafe.getString("customerReference");
        assertThat(reference).matches("pr_[a-z2-7]{24}");
        assertThat(atBooks.getString("customerReference")).matches("pr_[a-z2-7]{24}").isNotEqualTo(reference);
        assertThat(atCafe.getString("memberCode")).isNull();
        assertThat(atBooks.getString("memberCode")).isNull();
        assertThat(atCafe.getMap("$")).doesNotContainKey("availablePoints");

        // Stable for the partner: the next redemption and a later read carry the same reference.
        assertThat(redeem(cafe, customer).getString("customerReference")).isEqualTo(reference);
        assertThat(read(cafe, atCafe.getString("id")).getString("customerReference")).isEqualTo(reference);
        // And it names this customer only.
        assertThat(redeem(cafe, other).getString("customerReference")).isNotEqualTo(reference);
    }

    @Test
    void withConsentThePartnerGetsTheMemberCodeAndAfterWithdrawalItDoesNot() {
        UUID customer = register();
        String partner = partner(1, 100);
        Instant granted = Instant.parse("2026-12-01T10:00:00Z");
        post("consent-changed", key(), consent(customer, Consents.PARTNER_SHARING, true, granted)).statusCode(200)
                .body("applied", equalTo(true)).body("partnerSharing", equalTo(true))
                .body("customerErased", equalTo(false));

        JsonPath shared = redeem(partner, customer);
        assertThat(shared.getString("memberCode")).isEqualTo(memberCode(customer));
        assertThat(shared.getString("customerReference")).startsWith("pr_");

        Instant withdrawn = granted.plusSeconds(3_600);
        post("consent-changed", key(), consent(customer, Consents.PARTNER_SHARING, false, withdrawn)).statusCode(200)
                .body("applied", equalTo(true)).body("partnerSharing", equalTo(false));
        JsonPath after = redeem(partner, customer);
        assertThat(after.getString("memberCode")).isNull();
        assertThat(after.getString("customerReference")).isEqualTo(shared.getString("customerReference"));
        // The earlier redemption, read again, no longer carries it either.
        assertThat(read(partner, shared.getString("id")).getString("memberCode")).isNull();

        // A grant older than the withdrawal arrives late: the withdrawal stands. So does a grant at the same instant.
        post("consent-changed", key(), consent(customer, Consents.PARTNER_SHARING, true, granted.plusSeconds(60)))
                .statusCode(200).body("applied", equalTo(false)).body("partnerSharing", equalTo(false));
        post("consent-changed", key(), consent(customer, Consents.PARTNER_SHARING, true, withdrawn))
                .statusCode(200).body("applied", equalTo(false)).body("partnerSharing", equalTo(false));
        assertThat(redeem(partner, customer).getString("memberCode")).isNull();

        // A new grant, later still, applies from the next redemption.
        post("consent-changed", key(), consent(customer, Consents.PARTNER_SHARING, true, withdrawn.plusSeconds(60)))
                .statusCode(200).body("applied", equalTo(true)).body("partnerSharing", equalTo(true));
        assertThat(redeem(partner, customer).getString("memberCode")).isEqualTo(memberCode(customer));
    }

    @Test
    void otherPurposesAreIgnoredAndAChangeBeforeTheRegistrationIsKeptForTheAccount() {
        UUID customer = register();
        post("consent-changed", key(), consent(customer, "marketing_email", true, Instant.now())).statusCode(200)
                .body("applied", equalTo(false)).body("purpose", equalTo("marketing_email"))
                .body("partnerSharing", equalTo(false));
        assertThat(redeem(partner(1, 100), customer).getString("memberCode")).isNull();

        UUID early = UUID.randomUUID();
        post("consent-changed", key(), consent(early, Consents.PARTNER_SHARING, true, Instant.now())).statusCode(200)
                .body("applied", equalTo(true)).body("partnerSharing", equalTo(true));
        post("customer-registered", key(), registered(early)).statusCode(200);
        assertThat(redeem(partner(1, 100), early).getString("memberCode")).isEqualTo(memberCode(early));
    }

    @Test
    void aRetryReplaysTheFirstAnswerAndBadChangesAreProblems() {
        UUID customer = register();
        String key = key();
        Instant at = Instant.now();
        post("consent-changed", key, consent(customer, Consents.PARTNER_SHARING, true, at)).statusCode(200)
                .body("applied", equalTo(true));
        post("consent-changed", key, consent(customer, Consents.PARTNER_SHARING, true, at)).statusCode(200)
                .header(Idempotency.REPLAYED_HEADER, "true").body("applied", equalTo(true));

        post("consent-changed", key(), """
                {"customerId": "%s", "purpose": "partner_sharing", "granted": true}""".formatted(customer))
                .statusCode(400).body("code", equalTo("validation-failed"));
        post("consent-changed", key(), """
                {"customerId": "%s", "purpose": "", "granted": true, "changedAt": "%s"}""".formatted(customer, at))
                .statusCode(400).body("code", equalTo("validation-failed"));
        post("consent-changed", key(), """
                {"customerId": "nobody", "purpose": "partner_sharing", "granted": true, "changedAt": "%s"}""".formatted(at))
                .statusCode(400);
        given().contentType(ContentType.JSON).body(consent(customer, Consents.PARTNER_SHARING, true, at))
                .post("/internal/v1/events/consent-changed").then().statusCode(400)
                .body("code", equalTo("idempotency-key-missing"));
        TestCallers.asStaff("agent-al", Roles.AGENT, () -> post("consent-changed", key(),
                consent(customer, Consents.PARTNER_SHARING, false, at.plusSeconds(1))).statusCode(403));
    }

    @Test
    void anErasedCustomerIsGivenToNoPartnerAndTheirConsentIsNotKept() {
        UUID customer = register();
        oldPurchase(customer, 10_000);
        String partner = partner(1, 100);
        post("consent-changed", key(), consent(customer, Consents.PARTNER_SHARING, true, Instant.now())).statusCode(200);
        String redemption = redeem(partner, customer).getString("id");

        post("customer-erased", key(), """
                {"customerId": "%s", "erasureId": "%s", "erasedAt": "%s"}
                """.formatted(customer, UUID.randomUUID(), Instant.now())).statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> PartnerSharingConsent.<PartnerSharingConsent>findById(customer))).isNull();
        asPartner(partner, () -> given().get("/partner/v1/redemptions/" + redemption).then().statusCode(200)
                .body("memberCode", nullValue()).body("customerReference", nullValue()));
        // customer-service's withdrawal at erasure may come after it: accepted, nothing kept.
        post("consent-changed", key(), consent(customer, Consents.PARTNER_SHARING, false, Instant.now())).statusCode(200)
                .body("customerErased", equalTo(true)).body("applied", equalTo(false));
        assertThat(QuarkusTransaction.requiringNew().call(() -> PartnerSharingConsent.<PartnerSharingConsent>findById(customer))).isNull();
    }
}
