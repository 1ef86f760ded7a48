package io.motcrm.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CorrelationIdTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aWellFormedIdIsKeptAndEchoed() {
        given().header(CorrelationId.HEADER, "gw-4f1c2a9e-0001")
                .get("/fixture/nowhere")
                .then().statusCode(404)
                .header(CorrelationId.HEADER, equalTo("gw-4f1c2a9e-0001"));
    }

    @Test
    void everyResponseGetsOneWhenTheCallerSentNone() {
        given().get("/q/health/live")
                .then().statusCode(200)
                .header(CorrelationId.HEADER, matchesPattern(UUID_PATTERN));
    }

    @Test
    void aMalformedIdIsReplacedSoItCannotForgeLogLines() {
        given().header(CorrelationId.HEADER, "x\" level=ERROR forged")
                .get("/fixture/nowhere")
                .then().statusCode(404)
                .header(CorrelationId.HEADER, not(equalTo("x\" level=ERROR forged")))
                .header(CorrelationId.HEADER, matchesPattern(UUID_PATTERN));
    }
}
