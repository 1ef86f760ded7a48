package io.motcrm.feedback.analytics;

import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.motcrm.feedback.Fixtures.move;
import static io.motcrm.feedback.Fixtures.postFeedback;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "supervisor-sue", roles = "supervisor")
class MotAnalyticsTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String caseOf(UUID customer, Map<String, Object> body) {
        return asCustomer(customer, () -> postFeedback(body).statusCode(201).extract().path("caseId"));
    }

    @Test
    void figuresPerTouchpointAndTeamWithTheWorstMomentsFirst() {
        FakeServices.up();
        // A period of its own, far from other tests' data.
        clock.advance(Duration.ofDays(900));
        Instant start = clock.instant();
        String team = "analytics-" + UUID.randomUUID().toString().substring(0, 6);
        String checkout = Fixtures.touchpoint(team);
        String delivery = Fixtures.touchpoint(team);
        UUID customer = UUID.randomUUID();

        caseOf(customer, Map.of("type", "RATING", "touchpointCode", checkout, "nps", 10));
        caseOf(customer, Map.of("type", "RATING", "touchpointCode", checkout, "nps", 9, "csat", 5));
        String first = caseOf(customer, Map.of("type", "RATING", "touchpointCode", checkout, "nps", 3));
        String second = caseOf(customer, Map.of("type", "COMPLAINT", "touchpointCode", checkout, "csat", 1, "text", "Broken till"));
        caseOf(customer, Map.of("type", "COMPLAINT", "touchpointCode", delivery, "nps", 0, "csat", 1, "text", "Parcel lost"));
        caseOf(customer, Map.of("type", "RATING", "touchpointCode", delivery, "nps", 2));

        UUID firstCase = UUID.fromString(first);
        UUID secondCase = UUID.fromString(second);
        clock.advance(Duration.ofMinutes(10));
        move(firstCase, "ACKNOWLEDGED", null).statusCode(200);
        move(firstCase, "IN_PROGRESS", null).statusCode(200);
        clock.advance(Duration.ofMinutes(10));
        move(secondCase, "ACKNOWLEDGED", null).statusCode(200);
        move(firstCase, "RESOLVED", "communication").statusCode(200);
        move(firstCase, "IN_PROGRESS", null).statusCode(200);
        move(firstCase, "RESOLVED", "communication").statusCode(200);
        asCustomer(customer, () -> given().contentType(ContentType.JSON).body(Map.of("csat", 4))
                .post("/api/v1/cases/" + firstCase + "/recovery").then().statusCode(204));

        String from = start.minus(Duration.ofHours(1)).toString();
        String to = start.plus(Duration.ofHours(1)).toString();
        JsonPath report = given().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "touchpoint")
                .get("/api/v1/mot/analytics").then().statusCode(200).extract().jsonPath();
        List<String> keys = report.getList("rows.key");
        assertThat(keys).containsSubsequence(delivery, checkout);

        Map<String, Object> a = report.getMap("rows.find { it.key == '" + checkout + "' }");
        assertThat(a).containsEntry("volume", 4).containsEntry("npsResponses", 3).containsEntry("complaintRate", 0.25f)
                .containsEntry("detractors", 2).containsEntry("cases", 2).containsEntry("avgCsat", 3.0f)
                .containsEntry("reopenRate", 1.0f)
                .containsEntry("recoveryCsat", 4.0f)
                // The P1 complaint was answered after 20 minutes (target 15): one of the two cases broke its SLA.
                .containsEntry("slaCompliance", 0.5f);
        // First responses after 10 and 20 minutes (plus the few real seconds the test itself takes).
        assertThat(((Number) a.get("medianFirstResponseSeconds")).doubleValue()).isBetween(900.0, 915.0);
        assertThat(((Number) a.get("nps")).doubleValue()).isEqualTo(33.3333, org.assertj.core.data.Offset.offset(0.001));
        assertThat(report.getMap("rows.find { it.key == '" + checkout + "' }.wordOfMouth")).containsEntry("low", 20).containsEntry("high", 30);

        Map<String, Object> b = report.getMap("rows.find { it.key == '" + delivery + "' }");
        assertThat(b).containsEntry("volume", 2).containsEntry("nps", -100.0f).containsEntry("complaintRate", 0.5f)
                .containsEntry("detractors", 2);
        assertThat(report.getString("worstMoments[0].key")).isEqualTo(delivery);

        given().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "team").get("/api/v1/mot/analytics")
                .then().statusCode(200).body("rows.find { it.key == '" + team + "' }.volume", equalTo(6))
                .body("rows.find { it.key == '" + team + "' }.cases", equalTo(4));
        given().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "stage").get("/api/v1/mot/analytics")
                .then().statusCode(200).body("rows.find { it.key == 'PAY' }.volume", equalTo(6));
        given().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "channel").get("/api/v1/mot/analytics")
                .then().statusCode(200).body("rows.find { it.key == 'STORE' }.volume", equalTo(6));
    }

    @Test
    void badPeriodsAndDimensionsAreProblems() {
        given().queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/v1/mot/analytics").then().statusCode(400).body("code", equalTo("invalid-period"));
        given().queryParam("from", "yesterday").get("/api/v1/mot/analytics").then().statusCode(400).body("code", equalTo("invalid-period"));
        given().queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/v1/mot/analytics").then().statusCode(400).body("code", equalTo("invalid-period"));
        given().queryParam("groupBy", "planet").get("/api/v1/mot/analytics").then().statusCode(400)
                .body("code", equalTo("invalid-parameter"));
        asCustomer(UUID.randomUUID(), () -> given().get("/api/v1/mot/analytics").then().statusCode(403));
    }
}
