package io.motcrm.feedback.touchpoint;

import static io.motcrm.feedback.Fixtures.asAdmin;
import static io.motcrm.feedback.Fixtures.asAgent;
import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "admin-ann", roles = "admin")
class TouchpointResourceTest {

    private static Map<String, Object> touchpoint(String code) {
        return Map.of("code", code, "name", "Home delivery", "channel", "DELIVERY", "stage", "RECEIVE", "team", "logistics");
    }

    @Test
    void adminAddsATouchpointAndEverySignedInCallerReadsIt() {
        String code = "delivery-" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON).body(touchpoint(code)).post("/api/v1/touchpoints")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/touchpoints/" + code))
                .body("code", equalTo(code)).body("stage", equalTo("RECEIVE")).body("active", equalTo(true));
        asCustomer(UUID.randomUUID(), () -> given().get("/api/v1/touchpoints/" + code)
                .then().statusCode(200).body("team", equalTo("logistics")));
        asAgent(() -> given().get("/api/v1/touchpoints").then().statusCode(200).body("code", hasItem(code)));
    }

    @Test
    void onlyAdminsChangeTheMap() {
        String code = Fixtures.touchpoint("store-team");
        asAgent(() -> given().contentType(ContentType.JSON).body(touchpoint("other-" + code)).post("/api/v1/touchpoints")
                .then().statusCode(403).body("code", equalTo("forbidden")));
        asCustomer(UUID.randomUUID(), () -> given().delete("/api/v1/touchpoints/" + code).then().statusCode(403));
    }

    @Test
    @TestSecurity
    void anonymousCallersCannotReadTheMap() {
        given().get("/api/v1/touchpoints").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void adminChangesAndRetiresATouchpoint() {
        String code = Fixtures.touchpoint("store-team");
        Map<String, Object> changed = Map.of("code", code, "name", "Self checkout", "channel", "STORE", "stage", "PAY",
                "team", "front-store");
        given().contentType(ContentType.JSON).body(changed).put("/api/v1/touchpoints/" + code)
                .then().statusCode(200).body("name", equalTo("Self checkout")).body("team", equalTo("front-store"));
        given().delete("/api/v1/touchpoints/" + code).then().statusCode(204);
        given().get("/api/v1/touchpoints").then().body("code", not(hasItem(code)));
        given().get("/api/v1/touchpoints?includeInactive=true").then().body("code", hasItem(code));
        given().get("/api/v1/touchpoints/" + code).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void duplicateCodeIsAConflict() {
        String code = Fixtures.touchpoint("store-team");
        given().contentType(ContentType.JSON).body(touchpoint(code)).post("/api/v1/touchpoints")
                .then().statusCode(409).body("code", equalTo("touchpoint-exists"));
    }

    @Test
    void badTouchpointsAreProblems() {
        Map<String, Object> unknownChannel = Map.of("code", "x1", "name", "X", "channel", "PIGEON", "stage", "PAY", "team", "t");
        given().contentType(ContentType.JSON).body(unknownChannel).post("/api/v1/touchpoints")
                .then().statusCode(400).body("code", equalTo("invalid-field"));
        Map<String, Object> badCode = Map.of("code", "Has Spaces", "name", "X", "channel", "WEB", "stage", "PAY", "team", "t");
        given().contentType(ContentType.JSON).body(badCode).post("/api/v1/touchpoints")
                .then().statusCode(400).body("code", equalTo("validation-failed")).body("violations[0].field", equalTo("code"));
        given().get("/api/v1/touchpoints/no-such-touchpoint").then().statusCode(404).body("code", equalTo("touchpoint-not-found"));
        String code = Fixtures.touchpoint("store-team");
        asAdmin(() -> given().contentType(ContentType.JSON).body(touchpoint("renamed")).put("/api/v1/touchpoints/" + code)
                .then().statusCode(422).body("code", equalTo("touchpoint-code-mismatch")));
        asAdmin(() -> given().contentType(ContentType.JSON).body(Map.of("name", " ")).put("/api/v1/touchpoints/" + code)
                .then().statusCode(400).body("code", equalTo("validation-failed")));
    }

    /** Issue 15: a PUT without `active` reactivated a retired touchpoint, and the body had to repeat the code. */
    @Test
    void aChangeKeepsWhatItOmitsSoARetiredTouchpointStaysRetired() {
        String code = Fixtures.touchpoint("store-team");
        given().delete("/api/v1/touchpoints/" + code).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("name", "Renamed counter")).put("/api/v1/touchpoints/" + code)
                .then().statusCode(200).body("name", equalTo("Renamed counter")).body("active", equalTo(false))
                .body("team", equalTo("store-team")).body("channel", equalTo("STORE")).body("code", equalTo(code));
        given().contentType(ContentType.JSON).body(Map.of("code", code, "active", true)).put("/api/v1/touchpoints/" + code)
                .then().statusCode(200).body("active", equalTo(true)).body("name", equalTo("Renamed counter"));
    }

    @Test
    void aNulCharacterInTheCodeIsABadRequestNotAServerError() {
        // Found by system-tests' FuzzIT: PostgreSQL refuses text with NUL, which was a 500.
        given().urlEncodingEnabled(false).get("/api/v1/touchpoints/a%00b")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("bad-request"));
        given().urlEncodingEnabled(false).post("/api/v1/touchpoints/%00/public-link")
                .then().statusCode(400).body("code", equalTo("bad-request"));
        asAgent(() -> given().urlEncodingEnabled(false).get("/api/v1/cases?owner=%00")
                .then().statusCode(400).body("code", equalTo("bad-request")));
    }
}
