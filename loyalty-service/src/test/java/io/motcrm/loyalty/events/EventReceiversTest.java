package io.motcrm.loyalty.events;

import static io.motcrm.loyalty.Events.post;
import static io.motcrm.loyalty.Events.purchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Events.registered;
import static io.motcrm.loyalty.Events.returned;
import static io.motcrm.loyalty.Fixtures.staffRead;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.testing.MutableClock;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.loyalty.ledger.Lot;
import io.motcrm.loyalty.ledger.TransactionKind;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
/** The relay holds the service role; agent lets the tests read balances and spend. */
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class EventReceiversTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void checkLedger() {
        clock.reset();
        LedgerInvariants.check();
    }

    @Test
    void registrationOpensTheAccountWithTheWelcomeBonus() {
        UUID customer = UUID.randomUUID();
        post("customer-registered", UUID.randomUUID().toString(), registered(customer))
                .statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("welcomeBonusPoints", equalTo(500))
                .body("balance.available", equalTo(500))
                .body("balance.posted", equalTo(500))
                .body("duplicate", equalTo(false));
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.findCustomer(customer).orElseThrow());
        assertThat(account.status).isEqualTo(Account.Status.OPEN);
        assertThat(account.memberCode).startsWith("M-");
    }

    @Test
    void aMemberCodeAnotherCustomerHasIsRefusedWithoutAServerError() {
        UUID first = register();
        String memberCode = "M-" + first.toString().substring(0, 8);
        UUID second = UUID.randomUUID();
        post("customer-registered", UUID.randomUUID().toString(), """
                {"customerId": "%s", "memberCode": "%s", "registeredAt": "%s"}
                """.formatted(second, memberCode, Instant.now()))
                .statusCode(422).contentType(Problem.MEDIA_TYPE).body("code", equalTo("member-code-taken"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.findCustomer(second))).isEmpty();
    }

    @Test
    void aDatabaseErrorNamesTheConstraintNotTheValue() {
        UUID customer = register();
        String memberCode = "M-" + customer.toString().substring(0, 8);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> Account.getEntityManager().createNativeQuery("""
                insert into account (type, owner_ref, status, member_code, created_at, updated_at)
                values ('CUSTOMER', :owner, 'OPEN', :code, now(), now())""")
                .setParameter("owner", UUID.randomUUID().toString()).setParameter("code", memberCode).executeUpdate()))
                .hasStackTraceContaining("account_member_code")
                .satisfies(error -> assertThat(stackTrace(error)).doesNotContain(memberCode));
    }

    private static String stackTrace(Throwable error) {
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }

    @Test
    void retryReplaysTheRegistration() {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = registered(customer);
        String first = post("customer-registered", key, body).statusCode(200)
                .header(Idempotency.REPLAYED_HEADER, nullValue()).extract().asString();
        String retry = post("customer-registered", key, body).statusCode(200)
                .header(Idempotency.REPLAYED_HEADER, "true").extract().asString();
        assertThat(retry).isEqualTo(first);
        assertThat(welcomeTransactions(customer)).isEqualTo(1);
    }

    @Test
    void registrationResentUnderANewKeyGrantsNothingTwice() {
        UUID customer = UUID.randomUUID();
        post("customer-registered", UUID.randomUUID().toString(), registered(customer)).statusCode(200);
        post("customer-registered", UUID.randomUUID().toString(), registered(customer))
                .statusCode(200)
                .body("duplicate", equalTo(true))
                .body("welcomeBonusPoints", equalTo(500))
                .body("balance.posted", equalTo(500));
        assertThat(welcomeTransactions(customer)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.count("ownerRef", customer.toString())))
                .isEqualTo(1);
    }

    @Test
    void purchaseEarnsBasePointsMultipliersAndTheFirstPurchaseBonusLocked() {
        UUID customer = register();
        UUID purchase = UUID.randomUUID();
        Instant occurred = Instant.now();
        String body = """
                {"customerId": "%s", "purchaseId": "%s", "occurredAt": "%s", "totalMinor": 30000,
                 "lines": [{"sku": "A", "category": "organic", "quantity": 1, "unitPriceMinor": 10000},
                           {"sku": "B", "category": "general", "quantity": 2, "unitPriceMinor": 10000}]}
                """.formatted(customer, purchase, occurred);
        post("purchase-recorded", UUID.randomUUID().toString(), body)
                .statusCode(200)
                .body("basePoints", equalTo(400))
                .body("firstPurchaseBonusPoints", equalTo(3000))
                .body("grantedPoints", equalTo(3400))
                .body("withheldPoints", equalTo(0))
                .body("velocityLimited", equalTo(false))
                .body("earnTransactionId", notNullValue())
                .body("bonusTransactionId", notNullValue());
        balance(customer).body("posted", equalTo(3900)).body("locked", equalTo(3400)).body("available", equalTo(500));

        // The second purchase gets no bonus.
        post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customer, UUID.randomUUID(), occurred, 10_000, "general"))
                .statusCode(200)
                .body("basePoints", equalTo(100))
                .body("firstPurchaseBonusPoints", equalTo(0))
                .body("bonusTransactionId", nullValue());
        assertThat(QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count("kind = ?1 and reference = ?2",
                TransactionKind.EARN, "first-purchase:" + customer))).isEqualTo(1);
    }

    @Test
    void purchaseResentUnderANewKeyIsAnsweredAsBeforeAndEarnsOnce() {
        UUID customer = register();
        UUID purchase = UUID.randomUUID();
        String body = purchase(customer, purchase, Instant.now(), 20_000, "general");
        String key = UUID.randomUUID().toString();
        String first = post("purchase-recorded", key, body).statusCode(200).extract().asString();
        assertThat(post("purchase-recorded", key, body).statusCode(200).header(Idempotency.REPLAYED_HEADER, "true")
                .extract().asString()).isEqualTo(first);
        post("purchase-recorded", UUID.randomUUID().toString(), body)
                .statusCode(200)
                .body("duplicate", equalTo(true))
                .body("grantedPoints", equalTo(2200));
        balance(customer).body("posted", equalTo(500 + 2200));
        assertThat(QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count("kind = ?1 and reference = ?2",
                TransactionKind.EARN, "purchase:" + purchase))).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherPurchaseIs422() {
        UUID customer = register();
        String key = UUID.randomUUID().toString();
        post("purchase-recorded", key, purchase(customer, UUID.randomUUID(), Instant.now(), 1_000, "general"))
                .statusCode(200);
        post("purchase-recorded", key, purchase(customer, UUID.randomUUID(), Instant.now(), 1_000, "general"))
                .statusCode(422).contentType(Problem.MEDIA_TYPE).body("code", equalTo("idempotency-key-reused"));
    }

    @Test
    void purchaseReusedWithAnotherTotalIsRefused() {
        UUID customer = register();
        UUID purchase = UUID.randomUUID();
        post("purchase-recorded", UUID.randomUUID().toString(), purchase(customer, purchase, Instant.now(), 1_000, "general"))
                .statusCode(200);
        post("purchase-recorded", UUID.randomUUID().toString(), purchase(customer, purchase, Instant.now(), 2_000, "general"))
                .statusCode(422).contentType(Problem.MEDIA_TYPE).body("code", equalTo("purchase-conflict"));
    }

    @Test
    void purchaseBeforeRegistrationIsA409SoTheRelayRetries() {
        post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), 1_000, "general"))
                .statusCode(409).contentType(Problem.MEDIA_TYPE).body("code", equalTo("customer-not-registered"));
    }

    @Test
    void velocityLimitWithholdsTheExcessAndSaysSo() {
        UUID customer = register();
        // First purchase: 1 000 base + 10 000 bonus.
        post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customer, UUID.randomUUID(), Instant.now(), 100_000, "general"))
                .statusCode(200).body("grantedPoints", equalTo(11_000));
        // 50 000 more would exceed the 50 000 a day: 39 000 granted.
        post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customer, UUID.randomUUID(), Instant.now(), 5_000_000, "general"))
                .statusCode(200)
                .body("basePoints", equalTo(39_000))
                .body("grantedPoints", equalTo(39_000))
                .body("withheldPoints", equalTo(11_000))
                .body("velocityLimited", equalTo(true));
        post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customer, UUID.randomUUID(), Instant.now(), 10_000, "general"))
                .statusCode(200).body("grantedPoints", equalTo(0)).body("withheldPoints", equalTo(100));
        balance(customer).body("posted", equalTo(500 + 50_000));

        clock.advance(Duration.ofDays(1));
        post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customer, UUID.randomUUID(), clock.instant(), 10_000, "general"))
                .statusCode(200).body("grantedPoints", equalTo(100)).body("velocityLimited", equalTo(false));
    }

    @Test
    void returnReversesInProportionLinkedToTheEarn() {
        UUID customer = register();
        UUID purchase = UUID.randomUUID();
        long earn = post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customer, purchase, Instant.now(), 10_000, "general"))
                .statusCode(200).extract().jsonPath().getLong("earnTransactionId");
        // 100 base + 1 000 bonus; a quarter is returned.
        UUID returnId = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = post("purchase-returned", key, returned(customer, purchase, returnId, 2_500))
                .statusCode(200)
                .body("reversedPoints", equalTo(275))
                .body("unrecoveredPoints", equalTo(0))
                .body("reversesTransactionId", equalTo((int) earn))
                .body("duplicate", equalTo(false))
                .extract().asString();
        assertThat(post("purchase-returned", key, returned(customer, purchase, returnId, 2_500)).statusCode(200)
                .header(Idempotency.REPLAYED_HEADER, "true").extract().asString()).isEqualTo(first);
        post("purchase-returned", UUID.randomUUID().toString(), returned(customer, purchase, returnId, 2_500))
                .statusCode(200).body("duplicate", equalTo(true)).body("reversedPoints", equalTo(275));
        balance(customer).body("posted", equalTo(500 + 1_100 - 275)).body("locked", equalTo(1_100 - 275));

        LedgerTransaction reversal = QuarkusTransaction.requiringNew()
                .call(() -> LedgerTransaction.findByReference(TransactionKind.REVERSAL, "return:" + returnId).orElseThrow());
        assertThat(reversal.reversesTransactionId).isEqualTo(earn);

        // The rest is returned: everything granted is taken back.
        post("purchase-returned", UUID.randomUUID().toString(), returned(customer, purchase, UUID.randomUUID(), 7_500))
                .statusCode(200).body("reversedPoints", equalTo(825));
        balance(customer).body("posted", equalTo(500)).body("locked", equalTo(0));
        // Nothing is left to return.
        post("purchase-returned", UUID.randomUUID().toString(), returned(customer, purchase, UUID.randomUUID(), 1))
                .statusCode(422).contentType(Problem.MEDIA_TYPE).body("code", equalTo("return-exceeds-purchase"));
    }

    @Test
    void returnNeverTakesTheBalanceBelowZero() {
        UUID customer = register();
        UUID purchase = UUID.randomUUID();
        // Old enough to be unlocked: 100 base + 1 000 bonus, all spendable with the welcome 500.
        post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customer, purchase, Instant.now().minus(Duration.ofDays(60)), 10_000, "general"))
                .statusCode(200);
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"points\": 1500, \"reference\": \"till-1\"}")
                .post("/api/v1/loyalty/customers/" + customer + "/spends")
                .then().statusCode(201);
        post("purchase-returned", UUID.randomUUID().toString(), returned(customer, purchase, UUID.randomUUID(), 10_000))
                .statusCode(200).body("reversedPoints", equalTo(100)).body("unrecoveredPoints", equalTo(1_000));
        balance(customer).body("posted", equalTo(0)).body("available", equalTo(0));
    }

    @Test
    void returnOfAnUnknownPurchaseIsA409SoTheRelayRetries() {
        UUID customer = register();
        post("purchase-returned", UUID.randomUUID().toString(),
                returned(customer, UUID.randomUUID(), UUID.randomUUID(), 100))
                .statusCode(409).contentType(Problem.MEDIA_TYPE).body("code", equalTo("purchase-not-recorded"));
    }

    @Test
    void eventsWithoutKeyOrWithInvalidBodiesAre400s() {
        given().contentType(ContentType.JSON).body(registered(UUID.randomUUID()))
                .post("/internal/v1/events/customer-registered")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("code", equalTo("idempotency-key-missing"));
        post("purchase-recorded", UUID.randomUUID().toString(), """
                {"customerId": "%s", "purchaseId": "%s", "occurredAt": "%s", "totalMinor": -5, "lines": []}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), Instant.now()))
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("code", equalTo("validation-failed"))
                .body("violations[0].field", equalTo("totalMinor"));
        post("purchase-returned", UUID.randomUUID().toString(), "{\"customerId\": \"not-a-uuid\"}")
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("code", equalTo("invalid-field"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "customer")
    void customersCannotSendEvents() {
        post("customer-registered", UUID.randomUUID().toString(), registered(UUID.randomUUID()))
                .statusCode(403).contentType(Problem.MEDIA_TYPE).body("code", equalTo("forbidden"));
    }

    @Test
    @TestSecurity(authorizationEnabled = true)
    void anonymousCallersAreUnauthorized() {
        post("customer-registered", UUID.randomUUID().toString(), registered(UUID.randomUUID()))
                .statusCode(401).contentType(Problem.MEDIA_TYPE).body("code", equalTo("unauthorized"));
    }

    @Test
    void lotsOfAPurchaseAreLockedUntilTheReturnWindowEnds() {
        UUID customer = register();
        Instant occurred = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long earn = post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customer, UUID.randomUUID(), occurred, 10_000, "general"))
                .statusCode(200).extract().jsonPath().getLong("earnTransactionId");
        Lot lot = QuarkusTransaction.requiringNew().call(() -> Lot.<Lot>find("transactionId", earn).singleResult());
        assertThat(lot.locked).isTrue();
        assertThat(lot.lockedUntil).isEqualTo(occurred.plus(Duration.ofDays(30)));
    }

    private static long welcomeTransactions(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count("kind = ?1 and reference = ?2",
                TransactionKind.EARN, "welcome:" + customer));
    }

    static io.restassured.response.ValidatableResponse balance(UUID customer) {
        return staffRead().get("/api/v1/loyalty/customers/" + customer + "/balance").then().statusCode(200);
    }
}
