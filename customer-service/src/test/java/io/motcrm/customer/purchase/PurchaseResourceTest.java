package io.motcrm.customer.purchase;

import static io.motcrm.customer.Callers.PURPOSE;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.json;
import static io.motcrm.customer.Fixtures.outbox;
import static io.motcrm.customer.Fixtures.postPurchase;
import static io.motcrm.customer.Fixtures.purchase;
import static io.motcrm.customer.Fixtures.purchaseBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.Fixtures.Line;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.outbox.OutboxMessage;
import io.motcrm.platform.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "supervisor-park", roles = "supervisor")
class PurchaseResourceTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final String RECORDED = "/internal/v1/events/purchase-recorded";
    static final String RETURNED = "/internal/v1/events/purchase-returned";

    static ValidatableResponse history(UUID customer, String query) {
        return given().header(CallerAccess.PURPOSE_HEADER, PURPOSE)
                .get("/api/v1/customers/" + customer + "/purchases" + query).then();
    }

    static ValidatableResponse returnGoods(UUID customer, UUID purchase, String body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(body).post("/api/v1/customers/" + customer + "/purchases/" + purchase + "/returns").then();
    }

    static long purchaseRows(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> Purchase.count("externalOrderId", orderId));
    }

    @Test
    void recordingAPurchaseStoresLinesTotalAndTellsLoyaltyInTheSameTransaction() {
        UUID customer = newCustomer();
        String orderId = "order-" + UUID.randomUUID();
        var created = postPurchase(customer, purchaseBody(orderId, NOW.minusSeconds(60),
                new Line("SKU-1", "dairy", 2, 1250), new Line("SKU-2", "bakery", 1, 3000)))
                .statusCode(201)
                .body("customerId", equalTo(customer.toString()))
                .body("externalOrderId", equalTo(orderId))
                .body("source", equalTo("web-shop"))
                .body("channel", equalTo("WEB"))
                .body("touchpointCode", equalTo("web-checkout"))
                .body("totalMinor", equalTo(5500))
                .body("returnedMinor", equalTo(0))
                .body("lines", hasSize(2))
                .body("lines[0].lineNo", equalTo(1))
                .body("lines[1].category", equalTo("bakery"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/customers/" + customer + "/purchases/" + id);

        List<OutboxMessage> messages = outbox("customer", customer, RECORDED);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).target).isEqualTo("loyalty-api");
        JsonNode payload = json(messages.get(0).payload);
        assertThat(payload.get("customerId").asText()).isEqualTo(customer.toString());
        assertThat(payload.get("purchaseId").asText()).isEqualTo(id);
        assertThat(payload.get("totalMinor").asLong()).isEqualTo(5500);
        assertThat(Instant.parse(payload.get("occurredAt").asText())).isEqualTo(NOW.minusSeconds(60));
        assertThat(payload.get("lines")).hasSize(2);
        assertThat(payload.get("lines").get(0).get("sku").asText()).isEqualTo("SKU-1");
        assertThat(payload.get("lines").get(0).get("unitPriceMinor").asLong()).isEqualTo(1250);
        assertThat(payload.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(payload.get("lines").get(0).get("category").asText()).isEqualTo("dairy");

        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(id)).body("lines", hasSize(2));
    }

    /** An order id of control characters only is refused as input (NUL cannot be stored), never a 500. */
    @Test
    void anOrderIdOfControlCharactersIsRefusedAsInput() {
        UUID customer = newCustomer();
        for (String orderId : new String[] { "\u0000", "\u0000\u001f" }) {
            postPurchase(customer, purchaseBody(orderId, NOW, new Line("SKU-9", "toys", 1, 999)))
                    .statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void aRetriedPurchaseIsRecordedOnceEvenUnderANewIdempotencyKey() {
        UUID customer = newCustomer();
        String orderId = "order-" + UUID.randomUUID();
        String body = purchaseBody(orderId, NOW, new Line("SKU-9", "toys", 1, 999));
        String first = postPurchase(customer, body).statusCode(201).extract().path("id");
        postPurchase(customer, body).statusCode(200).body("id", equalTo(first));

        assertThat(purchaseRows(orderId)).isEqualTo(1);
        assertThat(outbox("customer", customer, RECORDED)).hasSize(1);
    }

    @Test
    void concurrentDuplicatePurchasesAreRecordedOnce() throws Exception {
        UUID customer = newCustomer();
        String orderId = "order-" + UUID.randomUUID();
        String body = purchaseBody(orderId, NOW, new Line("SKU-R", "race", 3, 700));
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                // Different keys: what two ordering-system workers sending the same order look like.
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON)
                            .header(Idempotency.HEADER, UUID.randomUUID().toString()).body(body)
                            .post("/api/v1/customers/" + customer + "/purchases");
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            int created = 0;
            for (Future<io.restassured.response.Response> answer : answers) {
                var response = answer.get();
                assertThat(response.statusCode()).isIn(200, 201);
                created += response.statusCode() == 201 ? 1 : 0;
                ids.add(response.path("id"));
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(purchaseRows(orderId)).isEqualTo(1);
        assertThat(outbox("customer", customer, RECORDED)).hasSize(1);
    }

    @Test
    void theSameOrderIdWithOtherContentsOrForAnotherCustomerIsAConflict() {
        UUID customer = newCustomer();
        UUID other = newCustomer();
        String orderId = "order-" + UUID.randomUUID();
        postPurchase(customer, purchaseBody(orderId, NOW, new Line("A", "x", 1, 100))).statusCode(201);
        postPurchase(customer, purchaseBody(orderId, NOW, new Line("A", "x", 2, 100))).statusCode(409)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("purchase-conflict"));
        postPurchase(other, purchaseBody(orderId, NOW, new Line("A", "x", 1, 100))).statusCode(409)
                .body("code", equalTo("purchase-conflict"));
        // Another source may use the same order id.
        postPurchase(customer, purchaseBody(orderId, NOW, new Line("A", "x", 1, 100)).replace("web-shop", "pos"))
                .statusCode(201);
    }

    @Test
    void badPurchasesAreProblemsWithStableTypes() {
        UUID customer = newCustomer();
        postPurchase(customer, purchaseBody("o-" + UUID.randomUUID(), NOW, new Line("A", "x", -1, 100)))
                .statusCode(400).body("code", equalTo("validation-failed"))
                .body("violations[0].field", equalTo("lines[0].quantity"));
        postPurchase(customer, purchaseBody("o-" + UUID.randomUUID(), NOW, new Line("A", "x", 1, -5)))
                .statusCode(400).body("code", equalTo("validation-failed"));
        postPurchase(customer, purchaseBody("o-" + UUID.randomUUID(), NOW)).statusCode(400)
                .body("code", equalTo("validation-failed"));
        postPurchase(customer, purchaseBody("o-" + UUID.randomUUID(), NOW.plus(Duration.ofDays(1)),
                new Line("A", "x", 1, 1))).statusCode(400).body("code", equalTo("purchase-in-future"))
                .body("violations[0].field", equalTo("occurredAt")).body("$", not(hasKey("field")));
        // Each line is within the limits (1e17), but 100 of them overflow a 64-bit total.
        Line[] huge = new Line[100];
        java.util.Arrays.fill(huge, new Line("A", "x", 100_000, 1_000_000_000_000L));
        postPurchase(customer, purchaseBody("o-" + UUID.randomUUID(), NOW, huge)).statusCode(400)
                .body("code", equalTo("amount-too-large"));
        postPurchase(customer, purchaseBody("o-" + UUID.randomUUID(), NOW, new Line("A", "x", 1, 1))
                .replace("\"WEB\"", "\"TELEPATHY\"")).statusCode(400).body("code", equalTo("invalid-field"));
        postPurchase(UUID.randomUUID(), purchaseBody("o-" + UUID.randomUUID(), NOW, new Line("A", "x", 1, 1)))
                .statusCode(404).body("code", equalTo("customer-not-found"));
        given().contentType(ContentType.JSON).body(purchaseBody("o-1", NOW, new Line("A", "x", 1, 1)))
                .post("/api/v1/customers/" + customer + "/purchases").then().statusCode(400)
                .body("code", equalTo("idempotency-key-missing"));
        assertThat(outbox("customer", customer, RECORDED)).isEmpty();
    }

    @Test
    void returnsByLineAndInFullNeverExceedWhatWasBought() {
        UUID customer = newCustomer();
        UUID purchase = purchase(customer, NOW, new Line("A", "x", 3, 1000), new Line("B", "y", 1, 500));

        returnGoods(customer, purchase, "{\"lines\": [{\"lineNo\": 1, \"quantity\": 2}]}").statusCode(201)
                .body("returnedMinor", equalTo(2000))
                .body("lines[0].returnedQuantity", equalTo(2))
                .body("returns", hasSize(1))
                .body("returns[0].lines[0].quantity", equalTo(2));
        returnGoods(customer, purchase, "{\"lines\": [{\"lineNo\": 1, \"quantity\": 2}]}").statusCode(409)
                .body("code", equalTo("return-exceeds-purchase")).body("returnable", equalTo(1));
        returnGoods(customer, purchase, "{\"lines\": [{\"lineNo\": 3, \"quantity\": 1}]}").statusCode(400)
                .body("code", equalTo("unknown-purchase-line"));
        returnGoods(customer, purchase, "{\"lines\": [{\"lineNo\": 2, \"quantity\": 1}, {\"lineNo\": 2, \"quantity\": 1}]}")
                .statusCode(400).body("code", equalTo("duplicate-return-line"));
        returnGoods(customer, purchase, "{\"lines\": [{\"lineNo\": 2, \"quantity\": 0}]}").statusCode(400)
                .body("code", equalTo("validation-failed"));
        // The rest, in full.
        returnGoods(customer, purchase, "{}").statusCode(201)
                .body("returnedMinor", equalTo(3500))
                .body("returns", hasSize(2))
                .body("returns[1].returnedMinor", equalTo(1500));
        returnGoods(customer, purchase, "{}").statusCode(409).body("code", equalTo("return-exceeds-purchase"));

        List<OutboxMessage> returned = outbox("customer", customer, RETURNED);
        assertThat(returned).hasSize(2);
        JsonNode first = json(returned.get(0).payload);
        assertThat(first.get("purchaseId").asText()).isEqualTo(purchase.toString());
        assertThat(first.get("returnedMinor").asLong()).isEqualTo(2000);
        assertThat(first.get("returnId").asText()).isNotBlank();
        assertThat(first.get("customerId").asText()).isEqualTo(customer.toString());
        assertThat(json(returned.get(1).payload).get("returnedMinor").asLong()).isEqualTo(1500);

        UUID other = newCustomer();
        returnGoods(other, purchase, "{}").statusCode(404).body("code", equalTo("purchase-not-found"));
        returnGoods(customer, UUID.randomUUID(), "{}").statusCode(404).body("code", equalTo("purchase-not-found"));
    }

    @Test
    void historyIsPaginatedNewestFirst() {
        UUID customer = newCustomer();
        for (int i = 0; i < 5; i++) {
            purchase(customer, NOW.minus(Duration.ofDays(i)), new Line("S" + i, "c", 1, 100 + i));
        }
        String next = history(customer, "?limit=2").statusCode(200).body("items", hasSize(2))
                .body("items[0].totalMinor", equalTo(100)).body("items[1].totalMinor", equalTo(101))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        // A purchase recorded meanwhile, newer than every listed one, neither repeats nor shifts the next page.
        purchase(customer, NOW.plusSeconds(1), new Line("NEW", "c", 1, 999));
        next = history(customer, "?limit=2&after=" + next).statusCode(200)
                .body("items.totalMinor", equalTo(List.of(102, 103))).extract().path("nextCursor");
        history(customer, "?limit=2&after=" + next).statusCode(200).body("items.totalMinor", equalTo(List.of(104)))
                .body("nextCursor", nullValue());
        history(customer, "?limit=101").statusCode(400).body("code", equalTo("validation-failed"));
        history(customer, "?after=not-a-cursor").statusCode(400).body("code", equalTo("invalid-cursor"))
                .body("violations[0].field", equalTo("after"));
        history(UUID.randomUUID(), "").statusCode(404).body("code", equalTo("customer-not-found"));
        given().get("/api/v1/customers/" + customer + "/purchases").then().statusCode(400)
                .body("code", equalTo("access-purpose-required"));
    }

    @Test
    void aCustomerReadsOnlyTheirOwnPurchasesAndCannotRecordAny() {
        UUID customer = newCustomer();
        UUID other = newCustomer();
        UUID bought = purchase(customer, NOW, new Line("A", "x", 1, 100));
        asCustomer(customer, () -> {
            given().get("/api/v1/customers/" + customer + "/purchases").then().statusCode(200)
                    .body("items[0].id", equalTo(bought.toString()));
            given().get("/api/v1/customers/" + other + "/purchases").then().statusCode(404)
                    .body("code", equalTo("customer-not-found"));
            given().get("/api/v1/customers/" + other + "/purchases/" + bought).then().statusCode(404);
            postPurchase(customer, purchaseBody("o-" + UUID.randomUUID(), NOW, new Line("A", "x", 1, 1)))
                    .statusCode(403);
        });
    }
}
