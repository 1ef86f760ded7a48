package io.motcrm.loyalty.tier;

import static io.motcrm.loyalty.Events.post;
import static io.motcrm.loyalty.Events.purchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Events.returned;
import static io.motcrm.loyalty.Fixtures.balance;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.partner;
import static io.motcrm.loyalty.Fixtures.staffRead;
import static io.motcrm.platform.testing.TestCallers.asPartner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Which points qualify for a tier, with the default classes (purchases and partner earns) and thresholds low enough
 * that the bonuses alone would cross Silver: 500 welcome + 300 referral + 1 000 first-purchase bonus on a 10 000
 * purchase.
 */
@QuarkusTest
@TestProfile(TierQualificationTest.LowThresholds.class)
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class TierQualificationTest {

    public static class LowThresholds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("motcrm.loyalty.tiers.silver-threshold", "1000",
                    "motcrm.loyalty.tiers.gold-threshold", "5000");
        }
    }

    @Inject
    Tiers tiers;

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    static String referral(UUID referrer, UUID referee, UUID purchase) {
        return """
                {"referrerId": "%s", "refereeId": "%s", "purchaseId": "%s", "occurredAt": "%s"}
                """.formatted(referrer, referee, purchase, Instant.now());
    }

    static long accountOf(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> Account.customerAccountId(customer).orElseThrow());
    }

    @Test
    void aReferredCustomersFirstSmallPurchaseStaysInTheBaseTier() {
        UUID referrer = register();
        UUID referee = register();
        UUID purchaseId = UUID.randomUUID();
        post("purchase-recorded", key(), purchase(referee, purchaseId, Instant.now(), 10_000, "general")).statusCode(200)
                .body("basePoints", equalTo(100)).body("firstPurchaseBonusPoints", equalTo(1_000));
        post("referral-completed", key(), referral(referrer, referee, purchaseId)).statusCode(200);

        balance(referee).body("posted", equalTo(1_900)).body("tier", equalTo("BRONZE"));
        staffRead().get("/api/v1/loyalty/customers/" + referee + "/tier").then().statusCode(200)
                .body("tier", equalTo("BRONZE")).body("qualifyingPoints", equalTo(100))
                .body("pointsToNextTier", equalTo(900))
                .body("qualifyingClasses", contains("PURCHASE", "PARTNER_EARN"));
        balance(referrer).body("tier", equalTo("BRONZE"));
        long account = accountOf(referee);
        assertThat(tiers.qualifying(account, EnumSet.allOf(PointsClass.class))).isEqualTo(1_900);

        // Half returned: 550 points go back, split as granted: 50 of the base, 500 of the bonus.
        post("purchase-returned", key(), returned(referee, purchaseId, UUID.randomUUID(), 5_000)).statusCode(200);
        assertThat(tiers.qualifying(account)).isEqualTo(50);
        assertThat(tiers.qualifying(account, EnumSet.of(PointsClass.FIRST_PURCHASE))).isEqualTo(500);
        assertThat(tiers.qualifying(account, EnumSet.allOf(PointsClass.class))).isEqualTo(1_350);
    }

    @Test
    void pointsEarnedAtAPartnerQualifyByDefault() {
        UUID customer = register();
        String partner = partner(1, 100);
        asPartner(partner, () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                .body("{\"memberCode\": \"M-%s\", \"amountMinor\": 120000, \"reference\": \"r-%s\"}"
                        .formatted(customer.toString().substring(0, 8), key()))
                .post("/partner/v1/earns").then().statusCode(201).body("points", equalTo(1_200)));
        balance(customer).body("tier", equalTo("SILVER"));
        staffRead().get("/api/v1/loyalty/customers/" + customer + "/tier").then().statusCode(200)
                .body("qualifyingPoints", equalTo(1_200));
    }
}
