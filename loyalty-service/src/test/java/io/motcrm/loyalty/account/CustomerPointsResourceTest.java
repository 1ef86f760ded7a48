package io.motcrm.loyalty.account;

import static io.motcrm.loyalty.Events.oldPurchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.staffRead;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.motcrm.platform.testing.TestCallers.asCustomer;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class CustomerPointsResourceTest {

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    static String path(UUID customer) {
        return "/api/v1/loyalty/customers/" + customer;
    }

    static ValidatableResponse spend(UUID customer, String key, long points, String reference) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body("{\"points\": %d, \"reference\": \"%s\"}".formatted(points, reference))
                .post(path(customer) + "/spends").then();
    }

    @Test
    void balanceShowsAvailablePostedHeldAndLocked() {
        UUID customer = register();
        staffRead().get(path(customer) + "/balance").then().statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("status", equalTo("OPEN"))
                .body("available", equalTo(500))
                .body("posted", equalTo(500))
                .body("held", equalTo(0))
                .body("locked", equalTo(0));
    }

    @Test
    void unknownCustomerIsA404Problem() {
        staffRead().get(path(UUID.randomUUID()) + "/balance").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("account-not-found"));
        staffRead().get(path(UUID.randomUUID()) + "/statement").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("account-not-found"));
    }

    @Test
    void malformedCustomerIdIsA400Problem() {
        given().get("/api/v1/loyalty/customers/not-a-uuid/balance").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aCustomerSeesOnlyTheirOwnPoints() {
        UUID customer = register();
        UUID other = register();
        asCustomer(customer, () -> {
            given().get(path(customer) + "/balance").then().statusCode(200).body("posted", equalTo(500));
            given().get(path(other) + "/balance").then().statusCode(404)
                    .contentType(Problem.MEDIA_TYPE).body("code", equalTo("not-found"));
            given().get(path(UUID.randomUUID()) + "/balance").then().statusCode(404)
                    .contentType(Problem.MEDIA_TYPE).body("code", equalTo("not-found"));
        });
    }

    @Test
    void statementIsPagedNewestFirst() {
        UUID customer = register();
        oldPurchase(customer, 10_000);
        oldPurchase(customer, 20_000);
        spend(customer, UUID.randomUUID().toString(), 50, "till-" + UUID.randomUUID()).statusCode(201);
        // welcome, purchase 1 (base and first-purchase bonus), purchase 2, spend
        staffRead().queryParam("size", 2).get(path(customer) + "/statement").then().statusCode(200)
                .body("totalItems", equalTo(5))
                .body("items", hasSize(2))
                .body("items[0].kind", equalTo("SPEND"))
                .body("items[0].amount", equalTo(-50))
                .body("items[1].kind", equalTo("EARN"))
                .body("items[1].amount", equalTo(200));
        staffRead().queryParam("size", 2).queryParam("page", 2).get(path(customer) + "/statement").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].reference", equalTo("welcome:" + customer));
    }

    @Test
    void oversizedOrNegativePageIsA400() {
        UUID customer = register();
        staffRead().queryParam("size", 101).get(path(customer) + "/statement").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("validation-failed"))
                .body("violations[0].field", equalTo("size"));
        staffRead().queryParam("page", -1).get(path(customer) + "/statement").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("validation-failed"));
    }

    @Test
    void spendReturnsTheTransactionAndARetryReplaysIt() {
        UUID customer = register();
        String key = UUID.randomUUID().toString();
        String reference = "till-" + UUID.randomUUID();
        var first = spend(customer, key, 200, reference).statusCode(201)
                .body("points", equalTo(200))
                .body("balance.available", equalTo(300))
                .extract();
        var retry = spend(customer, key, 200, reference).statusCode(201)
                .header(Idempotency.REPLAYED_HEADER, "true").extract();
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        staffRead().get(first.header("Location")).then().statusCode(200)
                .body("kind", equalTo("SPEND")).body("amount", equalTo(-200));
        staffRead().get(path(customer) + "/balance").then().body("posted", equalTo(300));
    }

    @Test
    void spendingMoreThanAvailableIsRejected() {
        UUID customer = register();
        spend(customer, UUID.randomUUID().toString(), 501, "till-" + UUID.randomUUID()).statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("insufficient-points"))
                .body("available", equalTo(500))
                .body("requested", equalTo(501));
        staffRead().get(path(customer) + "/balance").then().body("posted", equalTo(500));
    }

    @Test
    void spendingTheSameReferenceTwiceIsAConflict() {
        UUID customer = register();
        String reference = "till-" + UUID.randomUUID();
        spend(customer, UUID.randomUUID().toString(), 10, reference).statusCode(201);
        spend(customer, UUID.randomUUID().toString(), 10, reference).statusCode(409)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("reference-used"));
    }

    @Test
    void invalidSpendsAre400s() {
        UUID customer = register();
        given().contentType(ContentType.JSON).body("{\"points\": 10, \"reference\": \"x\"}")
                .post(path(customer) + "/spends").then().statusCode(400).body("code", equalTo("idempotency-key-missing"));
        spend(customer, UUID.randomUUID().toString(), 0, "x").statusCode(400).body("code", equalTo("validation-failed"));
        spend(customer, UUID.randomUUID().toString(), 10, "has space").statusCode(400)
                .body("code", equalTo("validation-failed")).body("violations[0].field", equalTo("reference"));
    }

    @Test
    void expiringPointsAreBoundedToAYearOrTwo() {
        UUID customer = register();
        staffRead().queryParam("withinDays", 0).get(path(customer) + "/expiring-points").then().statusCode(400)
                .body("code", equalTo("validation-failed"));
        staffRead().queryParam("withinDays", 800).get(path(customer) + "/expiring-points").then().statusCode(400)
                .body("code", equalTo("validation-failed"));
        staffRead().get(path(customer) + "/expiring-points").then().statusCode(200)
                .body("withinDays", equalTo(30)).body("totalPoints", equalTo(0)).body("lots", hasSize(0));
        staffRead().queryParam("withinDays", 731).get(path(customer) + "/expiring-points").then().statusCode(200)
                .body("totalPoints", equalTo(500)).body("lots[0].remaining", equalTo(500));
    }
}
