package io.motcrm.feedback.cases;

import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.motcrm.feedback.Fixtures.complaint;
import static io.motcrm.feedback.Fixtures.move;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.fakes.FakeServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class ClosingTheLoopTest {

    String touchpoint;

    @BeforeEach
    void setUp() {
        FakeServices.up();
        touchpoint = Fixtures.touchpoint("store-team");
    }

    private UUID resolvedCase(UUID customer, String[] surveyUrl) {
        UUID caseId = complaint(customer, touchpoint, 1);
        move(caseId, "ACKNOWLEDGED", null).statusCode(200);
        move(caseId, "IN_PROGRESS", null).statusCode(200);
        surveyUrl[0] = move(caseId, "RESOLVED", "delivery-delay").statusCode(200)
                .body("recoverySurveyUrl", startsWith("http://localhost:8080/recovery?t=")).extract().path("recoverySurveyUrl");
        return caseId;
    }

    @Test
    void resolutionAsksTheCustomerInTheAppAndRecordsTheirRecoveryRatingOnce() {
        UUID customer = UUID.randomUUID();
        UUID caseId = resolvedCase(customer, new String[1]);
        asCustomer(customer, () -> given().get("/api/v1/cases/" + caseId).then().body("recoverySurveyOpen", equalTo(true)));
        asCustomer(UUID.randomUUID(), () -> given().contentType(ContentType.JSON).body(Map.of("csat", 5))
                .post("/api/v1/cases/" + caseId + "/recovery").then().statusCode(404));
        asCustomer(customer, () -> {
            given().contentType(ContentType.JSON).body(Map.of("csat", 6)).post("/api/v1/cases/" + caseId + "/recovery")
                    .then().statusCode(400).body("violations[0].field", equalTo("csat"));
            given().contentType(ContentType.JSON).body(Map.of("csat", 4)).post("/api/v1/cases/" + caseId + "/recovery")
                    .then().statusCode(204);
            given().contentType(ContentType.JSON).body(Map.of("csat", 5)).post("/api/v1/cases/" + caseId + "/recovery")
                    .then().statusCode(409).body("code", equalTo("recovery-not-requested"));
            return given().get("/api/v1/cases/" + caseId).then().body("recoverySurveyOpen", equalTo(false))
                    .body("recoveryCsat", equalTo(4));
        });
        given().get("/api/v1/cases/" + caseId).then().body("recovery.csat", equalTo(4));
        given().get("/api/v1/cases/" + caseId + "/history").then().body("kind", hasItem("RECOVERY_RATED"));
    }

    @Test
    void theSurveyLinkRecordsTheRatingWithoutSigningIn() {
        String[] url = new String[1];
        UUID caseId = resolvedCase(UUID.randomUUID(), url);
        String token = url[0].substring(url[0].indexOf("?t=") + 3);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("token", "not-a-token", "csat", 5))
                .post("/public/v1/feedback/recovery").then().statusCode(404).body("code", equalTo("invalid-recovery-token"));
        given().auth().none().contentType(ContentType.JSON).body(Map.of("token", token, "csat", 2))
                .post("/public/v1/feedback/recovery").then().statusCode(204);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("token", token, "csat", 5))
                .post("/public/v1/feedback/recovery").then().statusCode(404);
        given().get("/api/v1/cases/" + caseId).then().body("recovery.csat", equalTo(2));
    }

    @Test
    void reopeningWithdrawsTheSurvey() {
        UUID customer = UUID.randomUUID();
        String[] url = new String[1];
        UUID caseId = resolvedCase(customer, url);
        move(caseId, "IN_PROGRESS", null).statusCode(200);
        given().get("/api/v1/cases/" + caseId).then().body("recovery.requestedAt", nullValue());
        String token = url[0].substring(url[0].indexOf("?t=") + 3);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("token", token, "csat", 5))
                .post("/public/v1/feedback/recovery").then().statusCode(404);
    }
}
