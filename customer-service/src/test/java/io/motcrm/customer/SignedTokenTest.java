package io.motcrm.customer;

import static io.motcrm.customer.Fixtures.purchaseBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.Fixtures.Line;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The whole HTTP stack with real signed bearer tokens: identity comes from the verified claims only. */
@QuarkusTest
class SignedTokenTest {

    static String customerToken(UUID customer) {
        return TestTokens.bearer("user-" + customer, Set.of(Roles.CUSTOMER), Map.of("customer_id", customer.toString()));
    }

    static final String SERVICE = TestTokens.bearer("order-system", Set.of(Roles.SERVICE), Map.of());
    static final String AGENT = TestTokens.bearer("agent-token", Set.of(Roles.AGENT), Map.of());

    @Test
    void aCustomerSignsUpAnOrderSystemRecordsAPurchaseAndTheCustomerReadsIt() {
        UUID customer = UUID.randomUUID();
        String u = Fixtures.unique();
        given().header("Authorization", customerToken(customer)).contentType(ContentType.JSON)
                .header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"name\": \"Token %s\", \"email\": \"token.%s@example.com\", \"phone\": \"+821099%s\"}"
                        .formatted(u, u, String.format("%06d", Math.floorMod(u.hashCode(), 1_000_000))))
                .post("/api/v1/customers").then().statusCode(201).body("id", equalTo(customer.toString()));

        String purchase = given().header("Authorization", SERVICE).contentType(ContentType.JSON)
                .header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(purchaseBody("o-" + UUID.randomUUID(), Instant.now(), new Line("A", "x", 2, 450)))
                .post("/api/v1/customers/" + customer + "/purchases").then().statusCode(201)
                .body("totalMinor", equalTo(900)).extract().path("id");

        given().header("Authorization", customerToken(customer)).get("/api/v1/customers/" + customer + "/purchases")
                .then().statusCode(200).body("items[0].id", equalTo(purchase));
        given().header("Authorization", customerToken(UUID.randomUUID()))
                .get("/api/v1/customers/" + customer + "/purchases").then().statusCode(404)
                .body("code", equalTo("customer-not-found"));
        // A customer token without the customer_id claim reaches no customer.
        given().header("Authorization", TestTokens.bearer("no-claim", Set.of(Roles.CUSTOMER), Map.of()))
                .get("/api/v1/customers/" + customer).then().statusCode(404);

        given().header("Authorization", AGENT).header(CallerAccess.PURPOSE_HEADER, "complaint follow-up")
                .get("/api/v1/customers/" + customer).then().statusCode(200)
                .body("email", matchesPattern("t\\*\\*\\*@example\\.com"));
        given().header("Authorization", customerToken(customer)).get("/api/v1/customers/" + customer + "/access-log")
                .then().statusCode(200).body("items[0].accessedBy", equalTo("agent-token"))
                .body("items[0].purpose", equalTo("complaint follow-up"));

        given().header("Authorization", SERVICE).get("/internal/v1/customers/" + customer + "/value").then()
                .statusCode(200).body("lifecycleStage", equalTo("first_purchase"));
        given().header("Authorization", customerToken(customer)).get("/internal/v1/customers/" + customer + "/value")
                .then().statusCode(403);
        given().get("/internal/v1/customers/" + customer + "/value").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.expired("order-system", Set.of(Roles.SERVICE)))
                .get("/internal/v1/customers/" + customer + "/value").then().statusCode(401);
    }
}
