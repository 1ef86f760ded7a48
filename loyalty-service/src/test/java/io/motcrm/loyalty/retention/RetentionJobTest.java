package io.motcrm.loyalty.retention;

import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.authorize;
import static io.motcrm.loyalty.Fixtures.code;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.partner;
import static io.motcrm.platform.testing.TestCallers.asPartner;
import static io.motcrm.platform.testing.TestCallers.asService;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.loyalty.compensation.Compensation;
import io.motcrm.loyalty.redemption.Redemption;
import io.motcrm.loyalty.redemption.RedemptionCode;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Personal data past its retention is purged: one-time codes, redemptions' codes, compensation reasons. */
@QuarkusTest
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class RetentionJobTest {

    @Inject
    MutableClock clock;

    @Inject
    RetentionJob job;

    @Inject
    RetentionConfig config;

    @AfterEach
    void reset() {
        clock.reset();
        LedgerInvariants.check();
    }

    private static UUID compensate(UUID customer, String reason) {
        UUID action = UUID.randomUUID();
        asService("feedback-service", () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                .body("""
                        {"actionId": "%s", "customerId": "%s", "caseId": "%s", "points": 10, "reason": "%s"}
                        """.formatted(action, customer, UUID.randomUUID(), reason))
                .post("/internal/v1/compensations").then().statusCode(200));
        return action;
    }

    private static <T> T read(java.util.function.Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }

    @Test
    void codesAreKeptForTheirRetentionAfterExpiryThenDeletedAndRedemptionsForgetThem() {
        UUID customer = register();
        String partner = partner(1, 100);
        String used = code(customer, null);
        String unused = code(customer, null);
        AtomicReference<String> redemption = new AtomicReference<>();
        asPartner(partner, () -> redemption.set(authorize(key(), used, 10).statusCode(201).extract().path("id")));
        UUID redemptionId = UUID.fromString(redemption.get());

        clock.advance(config.redemptionCodes().minusMinutes(1));
        job.purge();
        assertThat(read(() -> RedemptionCode.<RedemptionCode>findById(unused))).as("within retention").isNotNull();
        assertThat(read(() -> Redemption.<Redemption>findById(redemptionId).code)).isEqualTo(used);

        clock.advance(Duration.ofMinutes(10));
        RetentionJob.Purged purged = job.purge();
        assertThat(purged.codes()).isGreaterThanOrEqualTo(2);
        assertThat(read(() -> RedemptionCode.<RedemptionCode>findById(unused))).isNull();
        assertThat(read(() -> RedemptionCode.<RedemptionCode>findById(used))).isNull();
        Redemption kept = read(() -> Redemption.<Redemption>findById(redemptionId));
        assertThat(kept.code).isNull();
        assertThat(kept.authorizedPoints).as("the redemption itself stays").isEqualTo(10);
    }

    @Test
    void aCompensationReasonIsRemovedAfterItsRetentionAndThePointsStay() {
        UUID customer = register();
        UUID old = compensate(customer, "Late delivery " + UUID.randomUUID());
        clock.advance(config.compensationReasons().minusDays(1));
        UUID recent = compensate(customer, "Wrong size " + UUID.randomUUID());
        clock.advance(Duration.ofDays(2));

        job.purge();
        Compensation purged = read(() -> Compensation.<Compensation>findById(old));
        assertThat(purged.reason).isNull();
        assertThat(purged.points).isEqualTo(10);
        assertThat(purged.transactionId).isNotNull();
        assertThat(read(() -> Compensation.<Compensation>findById(recent).reason)).startsWith("Wrong size ");
    }
}
