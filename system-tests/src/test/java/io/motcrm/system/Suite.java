package io.motcrm.system;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The running suite as a client sees it: the gateway's URL and tokens from the real Keycloak (password
 * grant of the local-development {@code motcrm-cli} client for people, client credentials for partners).
 */
final class Suite {

    static final String GATEWAY = setting("motcrm.gateway.url", "http://localhost:8080");
    static final String KEYCLOAK = setting("motcrm.keycloak.url", "http://localhost:8180");
    static final String REALM = KEYCLOAK + "/realms/motcrm";
    /** Local-development values of keycloak/motcrm-realm.json. */
    static final String DEMO_PASSWORD = "motcrm-dev";
    static final String PURPOSE = "system test";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Suite() {
    }

    static RequestSpecification gateway() {
        return given().baseUri(GATEWAY).relaxedHTTPSValidation();
    }

    static RequestSpecification as(String username) {
        return gateway().header("Authorization", "Bearer " + userToken(username));
    }

    static RequestSpecification asPartner(String clientId) {
        return gateway().header("Authorization", "Bearer " + partnerToken(clientId));
    }

    static String userToken(String username) {
        return TOKENS.computeIfAbsent("user:" + username, key -> fetch(Map.of("grant_type", "password",
                "client_id", "motcrm-cli", "username", username, "password", DEMO_PASSWORD)));
    }

    static String partnerToken(String clientId) {
        return TOKENS.computeIfAbsent("client:" + clientId, key -> fetch(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", "dev-" + clientId + "-secret")));
    }

    private static String fetch(Map<String, String> form) {
        return given().baseUri(REALM).formParams(form)
                .post("/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    private static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
