package io.motcrm.loyalty.expiry;

import static io.motcrm.loyalty.Events.post;
import static io.motcrm.loyalty.Events.purchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.staffRead;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.testing.MutableClock;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.AccountType;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class ExpiryJobTest {

    @Inject
    MutableClock clock;

    @Inject
    ExpiryJob job;

    @AfterEach
    void reset() {
        job.sweepDue();
        clock.reset();
        LedgerInvariants.check();
    }

    @Test
    void pointsExpireAfter24MonthsIntoTheExpiryAccount() {
        UUID customer = register();
        staffRead().queryParam("withinDays", 30).get(path(customer) + "/expiring-points").then()
                .statusCode(200).body("totalPoints", equalTo(0));

        clock.advance(Duration.ofDays(720));
        staffRead().queryParam("withinDays", 30).get(path(customer) + "/expiring-points").then()
                .statusCode(200).body("totalPoints", equalTo(500)).body("lots", hasSize(1));

        long expiredBefore = systemBalance(AccountType.EXPIRY);
        clock.advance(Duration.ofDays(15));
        assertThat(job.sweepDue().expiredPoints()).isGreaterThanOrEqualTo(500);
        staffRead().get(path(customer) + "/balance").then().body("posted", equalTo(0)).body("available", equalTo(0));
        staffRead().get(path(customer) + "/statement").then()
                .body("items[0].kind", equalTo("EXPIRE")).body("items[0].amount", equalTo(-500));
        assertThat(systemBalance(AccountType.EXPIRY) - expiredBefore).isGreaterThanOrEqualTo(500);

        // A second run finds nothing more for this customer.
        job.sweepDue();
        staffRead().get(path(customer) + "/statement").then().body("totalItems", equalTo(2));
    }

    @Test
    void expiredPointsCannotBeSpentEvenBeforeTheJobRuns() {
        UUID customer = register();
        clock.advance(Duration.ofDays(800));
        spend(customer, 100).statusCode(422).contentType(Problem.MEDIA_TYPE).body("code", equalTo("insufficient-points"))
                .body("available", equalTo(0));
    }

    @Test
    void lockedPointsBecomeSpendableWhenTheReturnWindowEnds() {
        UUID customer = register();
        post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customer, UUID.randomUUID(), Instant.now(), 10_000, "general")).statusCode(200);
        staffRead().get(path(customer) + "/balance").then()
                .body("posted", equalTo(1_600)).body("locked", equalTo(1_100)).body("available", equalTo(500));
        spend(customer, 600).statusCode(422).body("code", equalTo("insufficient-points"));

        clock.advance(Duration.ofDays(31));
        job.sweepDue();
        staffRead().get(path(customer) + "/balance").then()
                .body("posted", equalTo(1_600)).body("locked", equalTo(0)).body("available", equalTo(1_600));
        spend(customer, 600).statusCode(201).body("balance.available", equalTo(1_000));
    }

    @Test
    void spendingUnlocksDueLotsItselfWithoutWaitingForTheJob() {
        UUID customer = register();
        post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customer, UUID.randomUUID(), Instant.now(), 10_000, "general")).statusCode(200);
        clock.advance(Duration.ofDays(31));
        spend(customer, 1_600).statusCode(201).body("balance.posted", equalTo(0));
    }

    private static String path(UUID customer) {
        return "/api/v1/loyalty/customers/" + customer;
    }

    private static ValidatableResponse spend(UUID customer, long points) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"points\": %d, \"reference\": \"till-%s\"}".formatted(points, UUID.randomUUID()))
                .post(path(customer) + "/spends").then();
    }

    private static long systemBalance(AccountType type) {
        return QuarkusTransaction.requiringNew().call(() -> io.motcrm.loyalty.ledger.Ledger.balanceFromEntries(Account.system(type).id));
    }
}
