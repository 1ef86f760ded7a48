package io.motcrm.loyalty.redemption;

import static io.motcrm.loyalty.Events.oldPurchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.authorize;
import static io.motcrm.loyalty.Fixtures.balance;
import static io.motcrm.loyalty.Fixtures.capture;
import static io.motcrm.loyalty.Fixtures.code;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.partner;
import static io.motcrm.loyalty.Fixtures.refund;
import static io.motcrm.loyalty.Fixtures.voidHold;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.platform.testing.TestCallers.asPartner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.Problem;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "agent-al", roles = { "service", "agent" })
class RedemptionTest {

    @Inject
    MutableClock clock;

    @Inject
    HoldReleaseJob releaseJob;

    @AfterEach
    void checkLedger() {
        clock.reset();
        LedgerInvariants.check();
    }

    /** A customer with 1 600 spendable points: 500 welcome, 100 for a purchase, 1 000 first-purchase bonus. */
    private static UUID customerWith1600() {
        UUID customer = register();
        oldPurchase(customer, 10_000);
        balance(customer).body("available", equalTo(1_600));
        return customer;
    }

    private static String id(AtomicReference<String> holder) {
        return holder.get();
    }

    @Test
    void authorizeHoldsThePointsAndAPartialCaptureGivesTheRestBack() {
        UUID customer = customerWith1600();
        String partner = partner(5, 100);
        String code = code(customer, null);
        AtomicReference<String> redemption = new AtomicReference<>();
        asPartner(partner, () -> redemption.set(authorize(key(), code, 400).statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/partner/v1/redemptions/"))
                .body("status", equalTo("PENDING"))
                .body("authorizedPoints", equalTo(400))
                .body("$", not(hasKey("availablePoints")))
                .body("customerReference", startsWith("pr_"))
                .body("memberCode", nullValue())
                .body("customerId", nullValue())
                .body("expiresAt", notNullValue())
                .extract().path("id")));
        balance(customer).body("held", equalTo(400)).body("posted", equalTo(1_200)).body("available", equalTo(1_200));

        asPartner(partner, () -> capture(id(redemption), key(), 300L).statusCode(200)
                .body("status", equalTo("CAPTURED"))
                .body("capturedPoints", equalTo(300))
                .body("$", not(hasKey("availablePoints"))));
        balance(customer).body("held", equalTo(0)).body("posted", equalTo(1_300)).body("available", equalTo(1_300));

        String month = YearMonth.now(ZoneOffset.UTC).toString();
        asPartner(partner, () -> given().get("/partner/v1/settlements/" + month).then().statusCode(200)
                .body("capturedPoints", equalTo(300))
                .body("redeemedPoints", equalTo(300))
                .body("redeemedValueMinor", equalTo(1_500))
                .body("netValueMinor", equalTo(1_500))
                .body("lines", hasSize(1))
                .body("lines[0].kind", equalTo("CAPTURE"))
                .body("lines[0].redemptionId", equalTo(id(redemption)))
                .body("lines[0].transactionId", notNullValue()));
    }

    @Test
    void aVoidGivesEverythingBackAndTheCodeWorksOnce() {
        UUID customer = customerWith1600();
        String partner = partner(1, 100);
        String code = code(customer, null);
        asPartner(partner, () -> {
            String redemption = authorize(key(), code, 1_000).statusCode(201).extract().path("id");
            voidHold(redemption, key()).statusCode(200).body("status", equalTo("VOIDED"));
            authorize(key(), code, 10).statusCode(409).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("redemption-code-used"));
            voidHold(redemption, key()).statusCode(409).body("code", equalTo("redemption-not-pending"))
                    .body("currentStatus", equalTo("VOIDED"));
            capture(redemption, key(), null).statusCode(409).body("code", equalTo("redemption-not-pending"));
            refund(redemption, key(), 1).statusCode(409).body("code", equalTo("redemption-not-captured"));
        });
        balance(customer).body("held", equalTo(0)).body("posted", equalTo(1_600));
    }

    @Test
    void voidingACapturedRedemptionIsAConflictThatNamesItsStateApartFromTheHttpStatus() {
        UUID customer = customerWith1600();
        String partner = partner(1, 100);
        String code = code(customer, null);
        asPartner(partner, () -> {
            String redemption = authorize(key(), code, 300).statusCode(201).extract().path("id");
            capture(redemption, key(), null).statusCode(200);
            voidHold(redemption, key()).statusCode(409).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("redemption-not-pending"))
                    .body("status", equalTo(409))
                    .body("currentStatus", equalTo("CAPTURED"));
        });
        balance(customer).body("held", equalTo(0)).body("posted", equalTo(1_300));
    }

    @Test
    void capturedPointsCanBeRefundedInPartsButNoMoreThanWasCaptured() {
        UUID customer = customerWith1600();
        String partner = partner(2, 100);
        String code = code(customer, 600L);
        asPartner(partner, () -> {
            String redemption = authorize(key(), code, 500).statusCode(201).extract().path("id");
            capture(redemption, key(), null).statusCode(200).body("capturedPoints", equalTo(500));
            refund(redemption, key(), 200).statusCode(200).body("refundedPoints", equalTo(200));
            refund(redemption, key(), 400).statusCode(422).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("refund-exceeds-captured")).body("refundablePoints", equalTo(300));
            refund(redemption, key(), 300).statusCode(200).body("refundedPoints", equalTo(500));
            given().get("/partner/v1/settlements/" + YearMonth.now(ZoneOffset.UTC)).then().statusCode(200)
                    .body("capturedPoints", equalTo(500)).body("refundedPoints", equalTo(500))
                    .body("redeemedPoints", equalTo(0)).body("lines", hasSize(3));
        });
        balance(customer).body("posted", equalTo(1_600));
    }

    @Test
    void anExpiredHoldCannotBeCapturedAndTheJobReleasesIt() {
        UUID customer = customerWith1600();
        String partner = partner(1, 100);
        String code = code(customer, null);
        AtomicReference<String> redemption = new AtomicReference<>();
        asPartner(partner, () -> redemption.set(authorize(key(), code, 700).statusCode(201).extract().path("id")));
        clock.advance(Duration.ofMinutes(16));
        asPartner(partner, () -> {
            capture(id(redemption), key(), null).statusCode(409).body("code", equalTo("hold-expired"));
            voidHold(id(redemption), key()).statusCode(409).body("code", equalTo("hold-expired"));
        });
        balance(customer).body("held", equalTo(700));

        assertThat(releaseJob.releaseExpired()).isGreaterThanOrEqualTo(1);
        asPartner(partner, () -> given().get("/partner/v1/redemptions/" + id(redemption)).then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("capturedPoints", equalTo(0)));
        balance(customer).body("held", equalTo(0)).body("posted", equalTo(1_600));
    }

    @Test
    void anExpiredHoldReadsExpiredBeforeTheJobReleasesIt() {
        UUID customer = customerWith1600();
        String partner = partner(1, 100);
        String code = code(customer, null);
        AtomicReference<String> redemption = new AtomicReference<>();
        asPartner(partner, () -> redemption.set(authorize(key(), code, 700).statusCode(201).extract().path("id")));
        clock.advance(Duration.ofMinutes(14));
        asPartner(partner, () -> given().get("/partner/v1/redemptions/" + id(redemption)).then().statusCode(200)
                .body("status", equalTo("PENDING")));

        clock.advance(Duration.ofMinutes(2));
        // The job has not run: the points are still held, yet every read says the hold is over.
        balance(customer).body("held", equalTo(700));
        asPartner(partner, () -> {
            given().get("/partner/v1/redemptions/" + id(redemption)).then().statusCode(200)
                    .body("status", equalTo("EXPIRED"));
            refund(id(redemption), key(), 10).statusCode(409).body("code", equalTo("redemption-not-captured"))
                    .body("detail", containsString("EXPIRED"));
        });
        asCustomer(customer, () -> given().get("/api/v1/me/loyalty/export").then().statusCode(200)
                .body("redemptions[0].status", equalTo("EXPIRED")));

        assertThat(releaseJob.releaseExpired()).isGreaterThanOrEqualTo(1);
        asPartner(partner, () -> given().get("/partner/v1/redemptions/" + id(redemption)).then().statusCode(200)
                .body("status", equalTo("EXPIRED")));
        balance(customer).body("held", equalTo(0)).body("posted", equalTo(1_600));
    }

    @Test
    void badRedemptionRequestsAreProblemsAndChangeNothing() {
        UUID customer = customerWith1600();
        String partner = partner(1, 100);
        String capped = code(customer, 100L);
        String code = code(customer, null);
        long transactionsBefore = transactions();
        asPartner(partner, () -> {
            authorize(key(), code, 0).statusCode(400).body("code", equalTo("validation-failed"));
            authorize(key(), code, -5).statusCode(400).body("code", equalTo("validation-failed"));
            authorize(key(), "NOSUCHCODE", 10).statusCode(422).body("code", equalTo("redemption-code-invalid"));
            authorize(key(), capped, 101).statusCode(422).body("code", equalTo("redemption-code-cap-exceeded"));
            // The partner learns the amount cannot be held, not the customer's balance.
            authorize(key(), code, 1_601).statusCode(422).body("code", equalTo("insufficient-points"))
                    .body("requested", equalTo(1_601)).body("$", not(hasKey("available")))
                    .body("detail", not(containsString("1600")));
            given().contentType(ContentType.JSON).body("{\"code\": \"%s\", \"points\": 5}".formatted(code))
                    .post("/partner/v1/redemptions").then().statusCode(400).body("code", equalTo("idempotency-key-missing"));
        });
        assertThat(transactions()).isEqualTo(transactionsBefore);

        asPartner(partner, () -> {
            String redemption = authorize(key(), code, 100).statusCode(201).extract().path("id");
            capture(redemption, key(), 101L).statusCode(422).body("code", equalTo("capture-exceeds-hold"));
            capture(redemption, key(), 0L).statusCode(400).body("code", equalTo("validation-failed"));
            given().get("/partner/v1/redemptions/" + UUID.randomUUID()).then().statusCode(404)
                    .body("code", equalTo("redemption-not-found"));
        });
        assertThat(transactions()).isEqualTo(transactionsBefore + 1);

        String late = code(customer, null);
        clock.advance(Duration.ofMinutes(6));
        asPartner(partner, () -> authorize(key(), late, 10).statusCode(422).body("code", equalTo("redemption-code-expired")));
        balance(customer).body("held", equalTo(100));
    }

    @Test
    void anotherPartnersRedemptionIsNotFound() {
        UUID customer = customerWith1600();
        String owner = partner(1, 100);
        String other = partner(1, 100);
        String code = code(customer, null);
        AtomicReference<String> redemption = new AtomicReference<>();
        asPartner(owner, () -> redemption.set(authorize(key(), code, 100).statusCode(201).extract().path("id")));
        asPartner(other, () -> {
            given().get("/partner/v1/redemptions/" + id(redemption)).then().statusCode(404)
                    .body("code", equalTo("redemption-not-found"));
            capture(id(redemption), key(), null).statusCode(404).body("code", equalTo("redemption-not-found"));
            voidHold(id(redemption), key()).statusCode(404);
            refund(id(redemption), key(), 1).statusCode(404);
        });
        asPartner(owner, () -> given().get("/partner/v1/redemptions/" + id(redemption)).then().statusCode(200)
                .body("status", equalTo("PENDING")));
    }

    @Test
    void retriesReplayTheFirstAnswerAndBookOnce() {
        UUID customer = customerWith1600();
        String partner = partner(1, 100);
        String code = code(customer, null);
        String authorizeKey = key();
        String captureKey = key();
        asPartner(partner, () -> {
            String first = authorize(authorizeKey, code, 250).statusCode(201).extract().path("id");
            authorize(authorizeKey, code, 250).statusCode(201).header(Idempotency.REPLAYED_HEADER, "true")
                    .body("id", equalTo(first));
            authorize(authorizeKey, code, 260).statusCode(422).body("code", equalTo("idempotency-key-reused"));
            long capture = capture(first, captureKey, 200L).statusCode(200).extract().jsonPath().getLong("transactionId");
            capture(first, captureKey, 200L).statusCode(200).header(Idempotency.REPLAYED_HEADER, "true")
                    .body("transactionId", equalTo((int) capture)).body("capturedPoints", equalTo(200));
        });
        balance(customer).body("posted", equalTo(1_400));
    }

    @Test
    void onlyTheCustomerCanMakeTheirRedemptionCode() {
        UUID customer = register();
        UUID other = register();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, key()).body("{}")
                .post("/api/v1/loyalty/customers/" + customer + "/redemption-codes").then().statusCode(403);
        asCustomer(other, () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, key()).body("{}")
                .post("/api/v1/loyalty/customers/" + customer + "/redemption-codes").then().statusCode(404)
                .body("code", equalTo("not-found")));
        asCustomer(customer, () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                .body("{\"maxPoints\": 0}")
                .post("/api/v1/loyalty/customers/" + customer + "/redemption-codes").then().statusCode(400)
                .body("code", equalTo("validation-failed")));
    }

    @Test
    void aPartnerTokenWithoutAPartnerIdOrASuspendedPartnerCannotRedeem() {
        UUID customer = customerWith1600();
        String code = code(customer, null);
        asPartner("no-such-partner", () -> authorize(key(), code, 10).statusCode(403)
                .body("code", equalTo("partner-not-active")));
        io.motcrm.platform.testing.TestCallers.as("partner-x", java.util.Set.of("partner"), java.util.Map.of(),
                () -> authorize(key(), code, 10).statusCode(403).body("code", equalTo("partner-not-active")));
    }

    private static long transactions() {
        return QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count());
    }
}
