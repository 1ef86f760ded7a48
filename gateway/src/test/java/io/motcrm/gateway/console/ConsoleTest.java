package io.motcrm.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The staff console's files at /console/: client routes, caching, runtime settings and its CSP. */
@QuarkusTest
class ConsoleTest {

    /** %test.motcrm.gateway.console.dir, relative to the module's directory where the tests run. */
    static final Path DIR = Path.of("target/console-test");
    static final String INDEX = "<!doctype html><title>console</title>";

    @BeforeAll
    static void aBuiltConsole() throws IOException {
        Files.createDirectories(DIR.resolve("assets"));
        Files.writeString(DIR.resolve("index.html"), INDEX);
        Files.writeString(DIR.resolve("assets/index-3f2a9c.js"), "console.log('console')");
        Files.writeString(DIR.resolve("favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        Files.writeString(Path.of("target/secret.txt"), "outside the console");
    }

    @Test
    void theAppIsServedAtItsRootAndNeverCached() {
        given().get("/console/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache")
                .body(equalTo(INDEX));
        given().redirects().follow(false).get("/console").then().statusCode(301).header("Location", "/console/");
    }

    @Test
    void clientRoutesGetTheAppSoADeepLinkWorks() {
        given().get("/console/cases/6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b").then().statusCode(200)
                .header("Cache-Control", "no-cache").body(equalTo(INDEX));
        given().get("/console/approvals").then().statusCode(200).body(equalTo(INDEX));
    }

    @Test
    void hashedAssetsAreCachedForAYear() {
        given().get("/console/assets/index-3f2a9c.js").then().statusCode(200)
                .contentType(containsString("text/javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable");
        given().get("/console/favicon.svg").then().statusCode(200).contentType(containsString("image/svg+xml"))
                .header("Cache-Control", "no-cache");
    }

    @Test
    void aMissingFileIsAProblemNotTheApp() {
        given().get("/console/assets/gone-123.js").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("code", equalTo("not-found"));
    }

    @Test
    void nothingOutsideTheConsoleDirectoryIsServed() {
        given().urlEncodingEnabled(false).get("/console/..%2Fsecret.txt").then().statusCode(404);
        given().urlEncodingEnabled(false).get("/console/%2e%2e/secret.txt").then().statusCode(404)
                .body(not(containsString("outside the console")));
    }

    @Test
    void filesCanOnlyBeRead() {
        given().contentType("application/json").body("{}").post("/console/").then().statusCode(405)
                .header("Allow", "GET, HEAD").body("code", equalTo("method-not-allowed"));
    }

    @Test
    void theRuntimeSettingsNameTheRealmAndTheClient() {
        given().get("/console/config.json").then().statusCode(200)
                .header("Cache-Control", "no-cache")
                .body("keycloakUrl", equalTo("https://keycloak.motcrm.test"))
                .body("realm", equalTo("motcrm"))
                .body("clientId", equalTo("motcrm-console"))
                .body("gatewayUrl", equalTo(""));
    }

    @Test
    void theConsoleRunsUnderItsOwnPolicyThatAllowsOnlyKeycloakBesidesItself() {
        given().get("/console/").then().statusCode(200)
                .header("Content-Security-Policy", allOf(
                        containsString("script-src 'self';"),
                        containsString("connect-src 'self' https://keycloak.motcrm.test;"),
                        containsString("frame-ancestors 'none'"),
                        not(containsString("unsafe-inline")),
                        not(containsString("connect-src *"))))
                .header("X-Frame-Options", "DENY");
        // The API keeps its own, stricter policy.
        given().get("/api/v1/touchpoints").then().statusCode(401)
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
}
