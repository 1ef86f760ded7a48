package io.motcrm.system;

import static io.motcrm.system.Suite.as;
import static io.motcrm.system.Suite.asPartner;
import static io.motcrm.system.Suite.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * OWASP API2 (broken authentication) and API5 (function-level authorization) through the gateway, with
 * tokens from the real Keycloak: a forged, unsigned, tampered or foreign token never gets in, and a valid
 * token of the wrong role does not reach staff or partner functions.
 */
class AuthenticationIT {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void noTokenIsUnauthorized() {
        gateway().get("/api/v1/customers?email=someone@example.com")
                .then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void anUnsignedTokenIsUnauthorized() {
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String body = encode("{\"iss\":\"" + Suite.REALM + "\",\"sub\":\"mallory\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 300) + ",\"realm_access\":{\"roles\":[\"admin\"]}}");
        gateway().header("Authorization", "Bearer " + header + "." + body + ".")
                .get("/api/v1/customers?email=someone@example.com")
                .then().statusCode(401);
    }

    @Test
    void aTamperedTokenIsUnauthorized() {
        // A real customer token whose payload is rewritten to claim the admin role: the signature no longer matches.
        String[] parts = Suite.userToken("customer.hana").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        gateway().header("Authorization", "Bearer " + parts[0] + "." + encode(payload) + "." + parts[2])
                .get("/api/v1/customers?email=someone@example.com")
                .then().statusCode(401);
    }

    @Test
    void aTokenOfAnotherIssuerIsUnauthorized() {
        // Keycloak's master realm signs with other keys and names another issuer.
        String foreign = io.restassured.RestAssured.given().baseUri(Suite.KEYCLOAK)
                .formParams("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", System.getProperty("motcrm.keycloak.admin-password", "admin"))
                .post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        gateway().header("Authorization", "Bearer " + foreign)
                .get("/api/v1/customers?email=someone@example.com")
                .then().statusCode(401);
    }

    @Test
    void aCustomerCannotUseStaffFunctions() {
        as("customer.hana").header("X-Access-Purpose", Suite.PURPOSE)
                .get("/api/v1/customers?email=someone@example.com")
                .then().statusCode(403)
                .body("status", equalTo(403));
    }

    @Test
    void aPartnerCannotUseStaffFunctions() {
        asPartner("partner-cafe-mocha").header("X-Access-Purpose", Suite.PURPOSE)
                .get("/api/v1/customers?email=someone@example.com")
                .then().statusCode(403);
    }

    @Test
    void internalRoutesAreNotReachableFromOutside() {
        as("admin.park").contentType("application/json").body("{}")
                .post("/internal/v1/events/customer-registered")
                .then().statusCode(404);
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
