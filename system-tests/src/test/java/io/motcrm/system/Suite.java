package io.motcrm.system;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every answer from the gateway is checked against the gateway's OpenAPI document. */
    static final Contract CONTRACT = new Contract(openApiDocument());

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

    /** The customer id the token of a demo customer carries (set by keycloak/demo-data.sh). */
    static UUID customerIdOf(String username) {
        String payload = userToken(username).split("\\.")[1];
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
            return UUID.fromString(claims.path("customer_id").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new customer signed up by an agent (unique contact details), optionally with a referral code. */
    static UUID signUp(String referralCode) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String phone = "+8210" + String.format("%08d", Math.floorMod(unique.hashCode(), 100_000_000));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "System Test " + unique,
                "email", "st." + unique + "@example.com", "phone", phone));
        if (referralCode != null) {
            body.put("referralCode", referralCode);
        }
        String id = as("agent.kim").contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static RequestSpecification staff(String username) {
        return as(username).header("X-Access-Purpose", PURPOSE);
    }

    static RequestSpecification write(RequestSpecification request, Object body) {
        return request.contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString()).body(body);
    }

    private static String fetch(Map<String, String> form) {
        return given().baseUri(REALM).formParams(form)
                .post("/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }

    private static String openApiDocument() {
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            var answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(GATEWAY + "/openapi")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /openapi answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.filters(CONTRACT);
    }
}
