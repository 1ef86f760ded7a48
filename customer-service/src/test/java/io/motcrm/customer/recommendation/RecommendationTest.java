package io.motcrm.customer.recommendation;

import static io.motcrm.customer.Callers.PURPOSE;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.consent;
import static io.motcrm.customer.Fixtures.purchase;
import static io.motcrm.customer.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.Fixtures.Line;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "supervisor-oh", roles = "supervisor")
class RecommendationTest {

    static ValidatableResponse recommendations(UUID customer) {
        return given().header(CallerAccess.PURPOSE_HEADER, PURPOSE)
                .get("/api/v1/customers/" + customer + "/recommendations").then();
    }

    static Line item(String sku) {
        return new Line(sku, "cat-" + sku.substring(0, sku.indexOf('-')), 1, 100);
    }

    @Test
    void itemsBoughtTogetherRankByBasketsSharedAndExcludeWhatTheCustomerHas() {
        String u = unique();
        String milk = "milk-" + u, bread = "bread-" + u, butter = "butter-" + u, jam = "jam-" + u, tea = "tea-" + u;
        UUID customer = newCustomer();
        purchase(customer, Instant.now(), item(milk), item(bread));
        purchase(newCustomer(), Instant.now(), item(milk), item(butter));
        purchase(newCustomer(), Instant.now(), item(bread), item(butter), item(jam));
        purchase(newCustomer(), Instant.now(), item(milk), item(jam));
        purchase(newCustomer(), Instant.now(), item(bread), item(milk), item(butter));
        purchase(newCustomer(), Instant.now(), item(tea));

        recommendations(customer).statusCode(200).body("personalized", equalTo(false)).body("items", hasSize(0));

        consent(customer, "personalization", true);
        recommendations(customer).statusCode(200)
                .body("personalized", equalTo(true))
                .body("items.sku", equalTo(List.of(butter, jam)))
                .body("items.coPurchaseCount", equalTo(List.of(3, 2)))
                .body("items[0].category", equalTo("cat-butter"));

        consent(customer, "personalization", false);
        recommendations(customer).statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aCustomerSeesOnlyTheirOwnRecommendations() {
        UUID customer = newCustomer();
        UUID other = newCustomer();
        asCustomer(customer, () -> {
            given().get("/api/v1/customers/" + customer + "/recommendations").then().statusCode(200);
            given().get("/api/v1/customers/" + other + "/recommendations").then().statusCode(404);
        });
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam("limit", 51)
                .get("/api/v1/customers/" + customer + "/recommendations").then().statusCode(400);
        recommendations(UUID.randomUUID()).statusCode(404).body("code", equalTo("customer-not-found"));
    }
}
