package io.motcrm.loyalty.tier;

import static io.motcrm.loyalty.Events.post;
import static io.motcrm.loyalty.Events.purchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.balance;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.staffRead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Test thresholds: Silver from 60 000 qualifying points earned in 12 months (purchases and partner earns), Gold from
 * 120 000; 125% and 150%.
 */
@QuarkusTest
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class TierTest {

    @Inject
    MutableClock clock;

    @Inject
    Tiers tiers;

    @AfterEach
    void reset() {
        clock.reset();
        LedgerInvariants.check();
    }

    private void earnBase(UUID customer, long totalMinor) {
        post("purchase-recorded", key(), purchase(customer, UUID.randomUUID(), clock.instant(), totalMinor, "general"))
                .statusCode(200);
    }

    @Test
    void crossingAThresholdUpgradesAtOnceAndTheMultiplierApplies() {
        UUID customer = register();
        // 40 000 base points qualify; the 500 welcome and 10 000 first-purchase bonus do not (velocity allows 50 000 a day).
        earnBase(customer, 4_000_000);
        balance(customer).body("tier", equalTo("BRONZE"));
        clock.advance(Duration.ofDays(1));
        earnBase(customer, 1_000_000);
        balance(customer).body("tier", equalTo("BRONZE"));
        earnBase(customer, 1_000_000);
        balance(customer).body("tier", equalTo("SILVER"));
        // Silver: 100 base points become 125.
        post("purchase-recorded", key(), purchase(customer, UUID.randomUUID(), clock.instant(), 10_000, "general"))
                .statusCode(200).body("basePoints", equalTo(125));
        staffRead().get("/api/v1/loyalty/customers/" + customer + "/tier").then().statusCode(200)
                .body("tier", equalTo("SILVER")).body("multiplierPercent", equalTo(125))
                .body("qualifyingPoints", equalTo(40_000 + 20_000 + 125))
                .body("nextTier", equalTo("GOLD"))
                .body("history", hasSize(1))
                .body("history[0].from", equalTo("BRONZE")).body("history[0].to", equalTo("SILVER"))
                .body("history[0].reason", equalTo("UPGRADE"));
    }

    @Test
    void theJobDowngradesOnceEarnsAgeOutOfTheTwelveMonths() {
        UUID customer = register();
        earnBase(customer, 4_000_000);
        clock.advance(Duration.ofDays(1));
        earnBase(customer, 2_000_000);
        balance(customer).body("tier", equalTo("SILVER"));
        assertThat(tiers.downgradeDue()).isZero();
        balance(customer).body("tier", equalTo("SILVER"));

        clock.advance(Duration.ofDays(370));
        assertThat(tiers.downgradeDue()).isGreaterThanOrEqualTo(1);
        balance(customer).body("tier", equalTo("BRONZE"));
        staffRead().get("/api/v1/loyalty/customers/" + customer + "/tier").then().statusCode(200)
                .body("history", hasSize(2)).body("history[1].reason", equalTo("DOWNGRADE"))
                .body("history[1].to", equalTo("BRONZE"));
    }
}
