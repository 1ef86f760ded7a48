package io.motcrm.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.gateway.support.Callers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** What every answer gets: security headers, a correlation id, CORS for known origins only, rate limits. */
@QuarkusTest
class EdgeTest {

    static final String CONSOLE = "https://console.motcrm.test";

    static void hasSecurityHeaders(ValidatableResponse response) {
        response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void forwardedAnswersCarryTheSecurityHeaders() {
        hasSecurityHeaders(given().header("Authorization", Callers.agent()).get("/api/v1/touchpoints").then().statusCode(200));
    }

    @Test
    void rejectionsCarryTheSecurityHeadersToo() {
        hasSecurityHeaders(given().get("/api/v1/touchpoints").then().statusCode(401));
        hasSecurityHeaders(given().get("/nothing").then().statusCode(404));
        hasSecurityHeaders(given().header("Authorization", "Bearer not.a.token").get("/api/v1/touchpoints").then().statusCode(401));
    }

    @Test
    void aGivenCorrelationIdIsPassedOnAndReturned() {
        String id = "corr-" + UUID.randomUUID();
        given().header("Authorization", Callers.agent()).header("X-Correlation-Id", id)
                .get("/api/v1/segments")
                .then().statusCode(200)
                .header("X-Correlation-Id", id)
                .body("headers.x-correlation-id", equalTo(id));
    }

    @Test
    void withoutACorrelationIdOneIsMadeAndSentBothWays() {
        var response = given().header("Authorization", Callers.agent()).get("/api/v1/segments").then().statusCode(200)
                .header("X-Correlation-Id", matchesPattern("[0-9a-f-]{36}"));
        String id = response.extract().header("X-Correlation-Id");
        response.body("headers.x-correlation-id", equalTo(id));
    }

    @Test
    void aMalformedCorrelationIdIsReplaced() {
        given().header("Authorization", Callers.agent()).header("X-Correlation-Id", "<script>alert(1)</script>")
                .get("/api/v1/segments")
                .then().statusCode(200)
                .header("X-Correlation-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void rejectedRequestsHaveACorrelationIdToo() {
        given().get("/api/v1/segments").then().statusCode(401).header("X-Correlation-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aConfiguredWebOriginMayCallTheApi() {
        given().header("Origin", CONSOLE)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/feedback")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", CONSOLE);
        given().header("Origin", CONSOLE).header("Authorization", Callers.agent())
                .get("/api/v1/touchpoints")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", CONSOLE)
                .header("Access-Control-Expose-Headers", allOf(containsString("Idempotent-Replayed"),
                        containsString("Location"), containsString("Retry-After")));
    }

    @Test
    void anyOtherOriginIsRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/touchpoints")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"))
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("Authorization", Callers.agent())
                .get("/api/v1/touchpoints")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("origin"));
        // The service's own permissive header never reaches the browser.
        given().header("Authorization", Callers.agent())
                .get("/api/v1/touchpoints")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", not(equalTo("*")));
    }

    @Test
    void aPartnerOverItsRateIsToldWhenToRetry() {
        String partner = Callers.partner("flood-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", partner).get("/partner/v1/redemptions/r-" + i).then().statusCode(200);
        }
        String retryAfter = given().header("Authorization", partner).get("/partner/v1/redemptions/r-6")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("rate-limited"))
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isPositive();
        // Another partner has its own bucket.
        given().header("Authorization", Callers.partner("calm-" + UUID.randomUUID()))
                .get("/partner/v1/redemptions/r-1").then().statusCode(200);
    }

    @Test
    void anonymousFeedbackIsLimitedPerAddress() {
        String address = "192.0.2." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", address).contentType("application/json").body("{\"csat\":4}")
                    .post("/public/v1/feedback/tp-1").then().statusCode(200);
        }
        given().header("X-Forwarded-For", address).contentType("application/json").body("{\"csat\":4}")
                .post("/public/v1/feedback/tp-1")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        given().header("X-Forwarded-For", "198.18.0." + (1 + (int) (Math.random() * 250)))
                .contentType("application/json").body("{\"csat\":4}")
                .post("/public/v1/feedback/tp-1").then().statusCode(200);
    }

    @Test
    void signedInUsersAreNotHeldToTheAnonymousFeedbackRate() {
        String address = "192.0.2." + (1 + (int) (Math.random() * 250));
        String token = Callers.customer(UUID.randomUUID());
        for (int i = 0; i < 6; i++) {
            given().header("X-Forwarded-For", address).header("Authorization", token)
                    .contentType("application/json").body("{\"csat\":4}")
                    .post("/public/v1/feedback/tp-2").then().statusCode(200);
        }
    }
}
