package io.motcrm.customer.recommendation;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "agent-ha", roles = "agent")
class MyRecommendationResourceTest {

    static final String PATH = "/api/v1/me/recommendations";

    @Test
    void aCustomerReadsTheirOwnRecommendations() {
        UUID self = newCustomer();
        // Without the personalization consent the list is empty (RecommendationTest covers the ranking).
        asCustomer(self, () -> given().get(PATH).then().statusCode(200)
                .body("customerId", equalTo(self.toString()))
                .body("personalized", equalTo(false))
                .body("items", hasSize(0)));
    }

    @Test
    void staffHaveNoRecommendationsOfTheirOwn() {
        given().get(PATH).then().statusCode(403).body("code", equalTo("forbidden"));
    }
}
