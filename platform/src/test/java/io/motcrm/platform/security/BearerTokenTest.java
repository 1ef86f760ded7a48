package io.motcrm.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/** Real signed bearer tokens through quarkus-oidc: what {@link Caller} reads, and what is refused. */
@QuarkusTest
class BearerTokenTest {

    @Test
    void customerIdComesFromTheClaimNotTheSubject() {
        UUID customer = UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer("someone", Set.of(Roles.CUSTOMER),
                        Map.of(Caller.CUSTOMER_ID, customer.toString())))
                .get("/fixture/caller")
                .then().statusCode(200)
                .body("name", equalTo("someone"))
                .body("customerId", equalTo(customer.toString()))
                .body("partnerId", nullValue())
                .body("staff", equalTo(false));
    }

    @Test
    void aCustomerTokenWithoutTheClaimIsNoCustomer() {
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID().toString(), Set.of(Roles.CUSTOMER), Map.of()))
                .get("/fixture/caller")
                .then().statusCode(200)
                .body("customerId", nullValue());
    }

    @Test
    void aClaimWithoutItsRoleCountsForNothing() {
        given().header("Authorization", TestTokens.bearer("agent-kim", Set.of(Roles.AGENT),
                        Map.of(Caller.CUSTOMER_ID, UUID.randomUUID().toString(), Caller.PARTNER_ID, "p-1")))
                .get("/fixture/caller")
                .then().statusCode(200)
                .body("customerId", nullValue())
                .body("partnerId", nullValue())
                .body("staff", equalTo(true));
    }

    @Test
    void partnerIdComesFromTheClaim() {
        given().header("Authorization", TestTokens.bearer("service-account-partner-cafe", Set.of(Roles.PARTNER),
                        Map.of(Caller.PARTNER_ID, "cafe-mocha")))
                .get("/fixture/caller")
                .then().statusCode(200)
                .body("partnerId", equalTo("cafe-mocha"));
    }

    @Test
    void noTokenIsUnauthorized() {
        given().get("/fixture/caller").then().statusCode(401);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        given().header("Authorization", "Bearer " + TestTokens.expired("late", Set.of(Roles.ADMIN)))
                .get("/fixture/caller").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthorized() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(TestTokens.ISSUER).subject("mallory")
                .claim("realm_access", Map.of("roles", Set.of(Roles.ADMIN)))
                .expiresIn(Duration.ofMinutes(5))
                .sign(generator.generateKeyPair().getPrivate());
        given().header("Authorization", "Bearer " + forged).get("/fixture/caller").then().statusCode(401);
    }

    @Test
    void unsignedTokenIsUnauthorized() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = url.encodeToString(("{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"mallory\","
                + "\"exp\":" + (System.currentTimeMillis() / 1000 + 300) + ",\"realm_access\":{\"roles\":[\"admin\"]}}")
                .getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Bearer " + header + "." + body + ".")
                .get("/fixture/caller").then().statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        // Signed with the trusted key, but issued for another realm.
        String token = io.smallrye.jwt.build.Jwt.issuer("https://elsewhere.test/realms/other").subject("x")
                .claim("realm_access", Map.of("roles", Set.of(Roles.ADMIN)))
                .expiresIn(Duration.ofMinutes(5))
                .sign(TestTokens.signingKey());
        given().header("Authorization", "Bearer " + token).get("/fixture/caller").then().statusCode(401);
    }
}
