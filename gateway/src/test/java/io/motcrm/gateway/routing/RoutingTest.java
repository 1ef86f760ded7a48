package io.motcrm.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.motcrm.gateway.support.Callers;
import io.motcrm.gateway.support.InjectStubs;
import io.motcrm.gateway.support.StubServices;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RoutingTest {

    @InjectStubs
    StubServices stubs;

    @AfterEach
    void servicesBackUp() {
        stubs.reset();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/customers, customer-api", "/api/v1/customers/42/consents, customer-api",
            "/api/v1/segments, customer-api", "/api/v1/audiences/email, customer-api",
            "/api/v1/loyalty/customers/42/statement, loyalty-api",
            "/api/v1/touchpoints, feedback-api", "/api/v1/feedback, feedback-api", "/api/v1/cases/7, feedback-api",
            "/api/v1/approvals, feedback-api", "/api/v1/mot/analytics, feedback-api" })
    void eachPublicPrefixReachesItsService(String path, String service) {
        given().header("Authorization", Callers.agent())
                .get(path)
                .then().statusCode(200)
                .body("service", equalTo(service))
                .body("path", equalTo(path));
    }

    @Test
    void methodQueryBodyAndTheServicesHeadersArePassedOnButNotCookies() {
        String token = Callers.agent();
        String body = "{\"type\":\"complaint\",\"text\":\"cold coffee\"}";
        given().urlEncodingEnabled(false)
                .header("Authorization", token)
                .header("X-Access-Purpose", "case-handling")
                .header("Idempotency-Key", "key-123")
                .header("Accept", "application/json")
                .header("Cookie", "session=secret")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/feedback?touchpoint=store-7&note=a%20b")
                .then().statusCode(200)
                .header("X-Stub-Service", "feedback-api")
                .body("method", equalTo("POST"))
                .body("query", equalTo("touchpoint=store-7&note=a%20b"))
                .body("body", equalTo(body))
                .body("headers.authorization", equalTo(token))
                .body("headers.x-access-purpose", equalTo("case-handling"))
                .body("headers.idempotency-key", equalTo("key-123"))
                .body("headers.content-type", equalTo("application/json"))
                .body("headers.accept", equalTo("application/json"))
                .body("headers.x-correlation-id", notNullValue())
                .body("headers.x-forwarded-for", notNullValue())
                .body("headers.cookie", nullValue());
    }

    @Test
    void theEventStreamsLastEventIdIsPassedOn() {
        given().header("Authorization", Callers.agent())
                .header("Last-Event-ID", "41")
                .get("/api/v1/cases")
                .then().statusCode(200)
                .body("headers.last-event-id", equalTo("41"));
    }

    @Test
    void withoutATokenThePublicApiIsUnauthorized() {
        given().get("/api/v1/loyalty/customers/42/balance")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorized() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER).subject("mallory")
                .claim("realm_access", Map.of("roles", Set.of(Roles.ADMIN)))
                .expiresIn(Duration.ofMinutes(5))
                .sign(generator.generateKeyPair().getPrivate());
        given().header("Authorization", "Bearer " + forged)
                .get("/api/v1/customers")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void anUnsignedTokenIsUnauthorized() {
        java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String body = url.encodeToString(("{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"mallory\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 300) + ",\"realm_access\":{\"roles\":[\"admin\"]}}").getBytes());
        given().header("Authorization", "Bearer " + header + "." + body + ".")
                .get("/api/v1/customers")
                .then().statusCode(401)
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthorized() {
        String token = io.smallrye.jwt.build.Jwt.issuer("https://elsewhere.test/realms/other").subject("x")
                .claim("realm_access", Map.of("roles", Set.of(Roles.ADMIN)))
                .expiresIn(Duration.ofMinutes(5))
                .sign(TestTokens.signingKey());
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/customers")
                .then().statusCode(401)
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        given().header("Authorization", "Bearer " + TestTokens.expired("late", Set.of(Roles.AGENT)))
                .get("/api/v1/customers")
                .then().statusCode(401)
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void thePartnerApiIsForPartnersOnly() {
        given().header("Authorization", Callers.customer(UUID.randomUUID()))
                .get("/partner/v1/redemptions/r-1")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
        given().header("Authorization", Callers.agent())
                .get("/partner/v1/redemptions/r-1")
                .then().statusCode(403);
        given().get("/partner/v1/redemptions/r-1").then().statusCode(401);
        given().header("Authorization", Callers.partner("cafe-" + UUID.randomUUID()))
                .get("/partner/v1/redemptions/r-1")
                .then().statusCode(200)
                .body("service", equalTo("loyalty-api"));
    }

    @Test
    void publicFeedbackNeedsNoTokenAndTheServiceLearnsTheClientsAddress() {
        String address = "198.51.100." + (1 + (int) (Math.random() * 200));
        given().header("X-Forwarded-For", address)
                .contentType(ContentType.JSON).body("{\"csat\":5}")
                .post("/public/v1/feedback/tp-token-1")
                .then().statusCode(200)
                .body("service", equalTo("feedback-api"))
                .body("headers.x-forwarded-for", equalTo(address))
                .body("headers.authorization", nullValue());
    }

    @ParameterizedTest
    @CsvSource({ "/internal/v1/events/customer-registered", "/admin/outbox", "/q/openapi/../../internal/v1/events/x",
            "/api/v1/loyalty/../../internal/v1/events/customer-registered", "/api/v1/loyalty/%2e%2e/%2e%2e/admin/outbox",
            "/api/v2/customers", "/api/v1/customersX" })
    void internalAdminAndUnroutedPathsAreNeverForwarded(String path) {
        int before = stubs.proxy(StubServices.LOYALTY).connections() + stubs.proxy(StubServices.CUSTOMER).connections();
        given().urlEncodingEnabled(false)
                .header("Authorization", Callers.service())
                .contentType(ContentType.JSON).body("{}")
                .post(path)
                .then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(stubs.proxy(StubServices.LOYALTY).connections() + stubs.proxy(StubServices.CUSTOMER).connections())
                .isEqualTo(before);
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAGatewayTimeout() {
        long started = System.nanoTime();
        given().header("Authorization", Callers.agent())
                .get("/api/v1/loyalty/customers/42/statement?stubDelayMs=4000")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("code", equalTo("upstream-timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3000));
    }

    @Test
    void aServiceThatIsDownIsABadGateway() {
        stubs.down(StubServices.LOYALTY);
        given().header("Authorization", Callers.agent())
                .get("/api/v1/loyalty/customers/42/balance")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("upstream-unavailable"));
    }

    @Test
    void theServicesAnswerStatusAndBodyComeBackAsTheyAre() {
        stubs.failWith(StubServices.CUSTOMER, 409);
        given().header("Authorization", Callers.agent())
                .contentType(ContentType.JSON).body("{}")
                .post("/api/v1/customers")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .time(lessThan(5000L));
    }
}
