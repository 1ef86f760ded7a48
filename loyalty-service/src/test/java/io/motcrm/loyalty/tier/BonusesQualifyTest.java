package io.motcrm.loyalty.tier;

import static io.motcrm.loyalty.Events.post;
import static io.motcrm.loyalty.Events.purchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.balance;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.staffRead;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;

/** A programme that configures its bonuses to qualify ({@code motcrm.loyalty.tiers.qualifying}). */
@QuarkusTest
@TestProfile(BonusesQualifyTest.BonusesQualify.class)
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class BonusesQualifyTest {

    public static class BonusesQualify implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("motcrm.loyalty.tiers.silver-threshold", "1000",
                    "motcrm.loyalty.tiers.gold-threshold", "5000",
                    "motcrm.loyalty.tiers.qualifying", "PURCHASE,PARTNER_EARN,WELCOME,FIRST_PURCHASE,REFERRAL");
        }
    }

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    @Test
    void configuredBonusesCountTowardTheTier() {
        UUID referrer = register();
        UUID referee = register();
        UUID purchaseId = UUID.randomUUID();
        post("purchase-recorded", key(), purchase(referee, purchaseId, Instant.now(), 10_000, "general")).statusCode(200);
        post("referral-completed", key(), TierQualificationTest.referral(referrer, referee, purchaseId)).statusCode(200);

        balance(referee).body("tier", equalTo("SILVER"));
        staffRead().get("/api/v1/loyalty/customers/" + referee + "/tier").then().statusCode(200)
                .body("tier", equalTo("SILVER")).body("qualifyingPoints", equalTo(500 + 300 + 100 + 1_000));
        // The referrer's 500 welcome and 300 referral bonus are below Silver.
        balance(referrer).body("tier", equalTo("BRONZE"));
    }
}
