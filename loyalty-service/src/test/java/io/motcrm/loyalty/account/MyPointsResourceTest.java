package io.motcrm.loyalty.account;

import static io.motcrm.loyalty.Events.oldPurchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.balance;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.Problem;
import io.motcrm.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The /api/v1/me/loyalty routes: the customer is the token's, and only customers' tokens are let in. */
@QuarkusTest
@TestSecurity(user = "agent-al", roles = { "service", "agent" })
class MyPointsResourceTest {

    static final String ME = "/api/v1/me/loyalty";

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    private static ValidatableResponse spend(String key, long points, String reference) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body("{\"points\": %d, \"reference\": \"%s\"}".formatted(points, reference))
                .post(ME + "/spends").then();
    }

    private static ValidatableResponse code(String key, String body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(body)
                .post(ME + "/redemption-codes").then();
    }

    private static void staffIsRefused(Runnable call) {
        asStaff("agent-kim", Roles.AGENT, call);
    }

    @Test
    void myBalanceIsMine() {
        UUID customer = register();
        register();
        asCustomer(customer, () -> given().get(ME + "/balance").then().statusCode(200)
                .body("customerId", equalTo(customer.toString())).body("posted", equalTo(500)));
        staffIsRefused(() -> given().get(ME + "/balance").then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("forbidden")));
    }

    @Test
    void myStatementIsPagedNewestFirst() {
        UUID customer = register();
        oldPurchase(customer, 10_000);
        asCustomer(customer, () -> given().queryParam("size", 2).get(ME + "/statement").then().statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("totalItems", equalTo(3))
                .body("items", hasSize(2))
                .body("items[0].kind", equalTo("EARN")));
        asCustomer(customer, () -> given().queryParam("size", 101).get(ME + "/statement").then().statusCode(400)
                .body("violations[0].field", equalTo("size")));
        staffIsRefused(() -> given().get(ME + "/statement").then().statusCode(403));
    }

    @Test
    void mySpendIsReadBackThroughItsLocationAndOnlyOnMyAccount() {
        UUID customer = register();
        UUID other = register();
        AtomicReference<String> location = new AtomicReference<>();
        asCustomer(customer, () -> {
            location.set(spend(key(), 120, "till-" + UUID.randomUUID()).statusCode(201)
                    .header("Location", containsString(ME + "/transactions/"))
                    .body("customerId", equalTo(customer.toString()))
                    .body("points", equalTo(120))
                    .body("balance.available", equalTo(380))
                    .extract().header("Location"));
            given().get(location.get()).then().statusCode(200).body("kind", equalTo("SPEND")).body("amount", equalTo(-120));
            spend(key(), 1_000, "till-" + UUID.randomUUID()).statusCode(422).body("code", equalTo("insufficient-points"));
        });
        // The same transaction id is not on another customer's account.
        asCustomer(other, () -> given().get(location.get()).then().statusCode(404)
                .body("code", equalTo("transaction-not-found")));
        staffIsRefused(() -> {
            given().get(location.get()).then().statusCode(403);
            spend(key(), 1, "till-" + UUID.randomUUID()).statusCode(403);
        });
        balance(customer).body("posted", equalTo(380));
        balance(other).body("posted", equalTo(500));
    }

    @Test
    void aSpendRetriedThroughTheOtherRouteIsReplayedNotRepeated() {
        UUID customer = register();
        String key = key();
        String reference = "till-" + UUID.randomUUID();
        asCustomer(customer, () -> {
            long transaction = spend(key, 50, reference).statusCode(201).extract().jsonPath().getLong("transactionId");
            given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                    .body("{\"points\": 50, \"reference\": \"%s\"}".formatted(reference))
                    .post("/api/v1/loyalty/customers/" + customer + "/spends").then().statusCode(201)
                    .header(Idempotency.REPLAYED_HEADER, "true")
                    .body("transactionId", equalTo((int) transaction));
        });
        balance(customer).body("posted", equalTo(450));
    }

    @Test
    void myExpiringPointsAreMine() {
        UUID customer = register();
        asCustomer(customer, () -> given().queryParam("withinDays", 731).get(ME + "/expiring-points").then().statusCode(200)
                .body("customerId", equalTo(customer.toString())).body("totalPoints", equalTo(500)));
        staffIsRefused(() -> given().get(ME + "/expiring-points").then().statusCode(403));
    }

    @Test
    void myTierIsMine() {
        UUID customer = register();
        asCustomer(customer, () -> given().get(ME + "/tier").then().statusCode(200)
                .body("customerId", equalTo(customer.toString())).body("tier", equalTo("BRONZE")));
        staffIsRefused(() -> given().get(ME + "/tier").then().statusCode(403));
    }

    @Test
    void myExportIsMine() {
        UUID customer = register();
        asCustomer(customer, () -> given().get(ME + "/export").then().statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("balance.posted", equalTo(500))
                .body("transactions", hasSize(1)));
        staffIsRefused(() -> given().get(ME + "/export").then().statusCode(403));
    }

    @Test
    void myEarnQuoteBooksNothing() {
        UUID customer = register();
        String purchase = """
                {"totalMinor": 10000, "lines": [{"sku": "A", "category": "general", "quantity": 1, "unitPriceMinor": 10000}]}
                """;
        asCustomer(customer, () -> given().contentType(ContentType.JSON).body(purchase).post(ME + "/earn-quote").then()
                .statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("basePoints", equalTo(100))
                .body("firstPurchaseBonusPoints", equalTo(1_000)));
        staffIsRefused(() -> given().contentType(ContentType.JSON).body(purchase).post(ME + "/earn-quote").then()
                .statusCode(403));
        balance(customer).body("posted", equalTo(500));
    }

    @Test
    void myRedemptionCodeIsForMyAccountAndARetryReplaysIt() {
        UUID customer = register();
        String key = key();
        asCustomer(customer, () -> {
            var first = code(key, "{\"maxPoints\": 200}").statusCode(201)
                    .body("customerId", equalTo(customer.toString()))
                    .body("code", notNullValue())
                    .body("maxPoints", equalTo(200))
                    .extract();
            var retry = code(key, "{\"maxPoints\": 200}").statusCode(201)
                    .header(Idempotency.REPLAYED_HEADER, "true").extract();
            assertThat(retry.asString()).isEqualTo(first.asString());
            code(key(), "{}").statusCode(201).body("maxPoints", equalTo(null));
        });
        staffIsRefused(() -> code(key(), "{}").statusCode(403));
    }
}
