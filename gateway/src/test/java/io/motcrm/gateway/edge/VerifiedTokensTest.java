package io.motcrm.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens cache;

    @Test
    void aTokenVerifiedOnceServesTheNextRequestsFromTheCache() {
        String token = TestTokens.bearer("agent-" + UUID.randomUUID(), Set.of(Roles.AGENT), Map.of());
        given().header("Authorization", token).get("/api/v1/customers").then().statusCode(200);
        long before = cache.hits();

        given().header("Authorization", token).get("/api/v1/customers")
                .then().statusCode(200)
                .body("headers.authorization", equalTo(token));

        assertThat(cache.hits()).isGreaterThan(before);
    }

    @Test
    void aCachedTokenIsNotAcceptedPastItsExpiry() throws InterruptedException {
        String token = "Bearer " + TestTokens.token("agent-" + UUID.randomUUID(), Set.of(Roles.AGENT), Map.of(),
                Duration.ofSeconds(2));
        given().header("Authorization", token).get("/api/v1/customers").then().statusCode(200);
        given().header("Authorization", token).get("/api/v1/customers").then().statusCode(200);

        Thread.sleep(2_500);

        given().header("Authorization", token).get("/api/v1/customers")
                .then().statusCode(401)
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void onlyTheExactTokenMatches() {
        String token = TestTokens.bearer("agent-" + UUID.randomUUID(), Set.of(Roles.AGENT), Map.of());
        given().header("Authorization", token).get("/api/v1/customers").then().statusCode(200);
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        given().header("Authorization", tampered).get("/api/v1/customers").then().statusCode(401);
    }

    @Test
    void aCachedIdentityKeepsItsRoles() {
        String customer = TestTokens.bearer("c-" + UUID.randomUUID(), Set.of(Roles.CUSTOMER),
                Map.of("customer_id", UUID.randomUUID().toString()));
        given().header("Authorization", customer).get("/api/v1/loyalty/customers/x/balance").then().statusCode(200);
        long before = cache.hits();

        given().header("Authorization", customer).get("/partner/v1/redemptions/r-1")
                .then().statusCode(403)
                .body("code", equalTo("forbidden"));
        assertThat(cache.hits()).isGreaterThan(before);
    }
}
