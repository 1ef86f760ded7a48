package io.motcrm.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** This service's part of the OpenAPI document, beyond the rules every service follows (ServiceBasicsTest). */
@QuarkusTest
class ApiDocumentTest {

    /** The gateway routes only these {@code /api/v1/me} prefixes to customer-service. */
    static final List<String> ME_PREFIXES = List.of("/api/v1/me/profile", "/api/v1/me/consents", "/api/v1/me/purchases",
            "/api/v1/me/referrals", "/api/v1/me/recommendations", "/api/v1/me/erasure", "/api/v1/me/access-log");

    static JsonNode document() {
        return Fixtures.json(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    void everyOwnRouteIsUnderAPrefixTheGatewayRoutesHere() {
        List<String> mine = new ArrayList<>();
        document().path("paths").fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/api/v1/me")) {
                mine.add(path);
            }
        });
        assertThat(mine).isNotEmpty();
        assertThat(mine).allSatisfy(path -> assertThat(ME_PREFIXES)
                .anySatisfy(prefix -> assertThat(path.equals(prefix) || path.startsWith(prefix + "/")).isTrue()));
    }

    @Test
    void theMainCallsCarryExamples() {
        JsonNode paths = document().path("paths");
        JsonNode signUp = paths.path("/api/v1/customers").path("post");
        assertThat(signUp.at("/requestBody/content/application~1json/examples").size()).isPositive();
        assertThat(signUp.at("/responses/201/content/application~1json/examples").size()).isPositive();
        JsonNode purchase = paths.path("/api/v1/customers/{customerId}/purchases").path("post");
        assertThat(purchase.at("/requestBody/content/application~1json/examples").size()).isPositive();
        assertThat(purchase.at("/responses/201/content/application~1json/examples").size()).isPositive();
        JsonNode consent = paths.path("/api/v1/me/consents").path("post");
        assertThat(consent.at("/requestBody/content/application~1json/examples").size()).isPositive();
        assertThat(paths.at("/~1api~1v1~1customers~1{customerId}/get/responses/200/content/application~1json/examples")
                .size()).isPositive();
    }

    @Test
    void domainProblemsAreListedPerOperation() {
        JsonNode signUp = document().path("paths").path("/api/v1/customers").path("post").path("responses");
        List<String> conflicts = new ArrayList<>();
        signUp.path("409").path("x-problem-codes").forEach(code -> conflicts.add(code.asText()));
        assertThat(conflicts).contains("customer-exists", "email-taken", "phone-taken");
    }
}
