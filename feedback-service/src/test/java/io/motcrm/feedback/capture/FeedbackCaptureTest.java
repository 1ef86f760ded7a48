package io.motcrm.feedback.capture;

import static io.motcrm.feedback.Fixtures.asAdmin;
import static io.motcrm.feedback.Fixtures.asAgent;
import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.motcrm.feedback.Fixtures.postFeedback;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "admin-ann", roles = "admin")
class FeedbackCaptureTest {

    String touchpoint;

    @BeforeEach
    void touchpoint() {
        FakeServices.up();
        touchpoint = Fixtures.touchpoint("store-team");
    }

    @Test
    void customerSubmitsFeedbackAndListsTheirOwn() {
        UUID customer = UUID.randomUUID();
        asCustomer(customer, () -> postFeedback(Map.of("type", "COMPLIMENT", "touchpointCode", touchpoint, "csat", 5,
                "nps", 10, "ces", 2, "text", "Friendly cashier")).statusCode(201)
                .body("type", equalTo("COMPLIMENT")).body("csat", equalTo(5)).body("nps", equalTo(10)).body("ces", equalTo(2))
                .body("channel", equalTo("STORE")).body("source", equalTo("CUSTOMER")).body("caseId", nullValue()));
        asCustomer(customer, () -> given().get("/api/v1/me/feedback").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].text", equalTo("Friendly cashier")).body("items[0].touchpointCode", equalTo(touchpoint)));
        asCustomer(UUID.randomUUID(), () -> given().get("/api/v1/me/feedback").then().statusCode(200).body("items", hasSize(0)));
        asAgent(() -> given().get("/api/v1/me/feedback").then().statusCode(403));
    }

    @Test
    void anotherCustomersFeedbackIsNotFound() {
        UUID owner = UUID.randomUUID();
        String id = asCustomer(owner, () -> postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint, "nps", 9))
                .statusCode(201).extract().path("id"));
        asCustomer(owner, () -> given().get("/api/v1/feedback/" + id).then().statusCode(200));
        asCustomer(UUID.randomUUID(), () -> given().get("/api/v1/feedback/" + id).then().statusCode(404)
                .body("code", equalTo("feedback-not-found")));
        asCustomer(UUID.randomUUID(), () -> postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint, "nps", 9,
                "customerId", owner.toString())).statusCode(404));
    }

    @Test
    void retryWithTheSameKeyReplaysTheFirstSubmission() {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("type", "COMPLAINT", "touchpointCode", touchpoint, "csat", 2, "text", "Cold coffee");
        String first = asCustomer(customer, () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body(body).post("/api/v1/feedback").then().statusCode(201).extract().asString());
        String retry = asCustomer(customer, () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body(body).post("/api/v1/feedback").then().statusCode(201).header(Idempotency.REPLAYED_HEADER, "true")
                .extract().asString());
        assertThat(retry).isEqualTo(first);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Feedback.count("customerId", customer))).isEqualTo(1);
        asCustomer(customer, () -> given().contentType(ContentType.JSON).body(body).post("/api/v1/feedback")
                .then().statusCode(400).body("code", equalTo("idempotency-key-missing")));
    }

    @Test
    void agentEntersFeedbackOnACustomersBehalf() {
        UUID customer = UUID.randomUUID();
        asAgent(() -> postFeedback(Map.of("type", "SUGGESTION", "touchpointCode", touchpoint, "channel", "CALL_CENTRE",
                "text", "Open earlier on Sundays", "customerId", customer.toString())).statusCode(201)
                .body("source", equalTo("AGENT")).body("channel", equalTo("CALL_CENTRE"))
                .body("suggestion.status", equalTo("RECEIVED")));
        asCustomer(customer, () -> given().get("/api/v1/me/feedback").then().body("items[0].text", equalTo("Open earlier on Sundays")));
        asAgent(() -> postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint, "csat", 4)).statusCode(422)
                .body("code", equalTo("customer-required")));
    }

    @Test
    void scoresOutOfRangeAreRejected() {
        UUID customer = UUID.randomUUID();
        asCustomer(customer, () -> {
            postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint, "csat", 6)).statusCode(400)
                    .body("code", equalTo("validation-failed")).body("violations[0].field", equalTo("csat"));
            postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint, "nps", 11)).statusCode(400)
                    .body("violations[0].field", equalTo("nps"));
            postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint, "ces", 0)).statusCode(400)
                    .body("violations[0].field", equalTo("ces"));
            postFeedback(Map.of("type", "GRUMBLE", "touchpointCode", touchpoint, "ces", 3)).statusCode(400)
                    .body("code", equalTo("invalid-field"));
            postFeedback(Map.of("type", "RATING", "touchpointCode", touchpoint)).statusCode(422)
                    .body("code", equalTo("no-score-or-text"));
            return null;
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> Feedback.count("customerId", customer))).isZero();
    }

    @Test
    void unknownTouchpointAndOverlongTextAreRejected() {
        asCustomer(UUID.randomUUID(), () -> {
            postFeedback(Map.of("type", "RATING", "touchpointCode", "nowhere", "csat", 3)).statusCode(404)
                    .body("code", equalTo("touchpoint-not-found"));
            postFeedback(Map.of("type", "COMPLAINT", "touchpointCode", touchpoint, "text", "x".repeat(501))).statusCode(422)
                    .body("code", equalTo("text-too-long")).body("maxLength", equalTo(500));
            postFeedback(Map.of("type", "COMPLAINT", "touchpointCode", touchpoint, "text", "x".repeat(2001))).statusCode(400)
                    .body("violations[0].field", equalTo("text"));
            return null;
        });
    }

    @Test
    void anonymousVisitorSubmitsThroughTheSignedLink() {
        String token = asAdmin(() -> given().post("/api/v1/touchpoints/" + touchpoint + "/public-link").then().statusCode(200)
                .body("url", org.hamcrest.Matchers.containsString("?t=")).extract().path("token"));
        anonymous(token, Map.of("type", "COMPLAINT", "csat", 1, "text", "Rude staff")).statusCode(201)
                .body("caseOpened", equalTo(true)).body("id", notNullValue());
        String tampered = token.substring(0, token.indexOf('.')) + ".AAAA" + token.substring(token.indexOf('.') + 5);
        anonymous(tampered, Map.of("type", "RATING", "csat", 4)).statusCode(401).body("code", equalTo("invalid-public-token"));
        // A token for another code signed with another key is refused too.
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(touchpoint.getBytes()) + ".c2lnbmF0dXJl";
        anonymous(forged, Map.of("type", "RATING", "csat", 4)).statusCode(401);
    }

    @Test
    void anonymousSubmissionsAreRateLimitedPerTouchpointToken() {
        String token = asAdmin(() -> given().post("/api/v1/touchpoints/" + touchpoint + "/public-link").then()
                .extract().path("token"));
        for (int i = 0; i < 5; i++) {
            anonymous(token, Map.of("type", "RATING", "csat", 4)).statusCode(201);
        }
        anonymous(token, Map.of("type", "RATING", "csat", 4)).statusCode(429)
                .header("Retry-After", notNullValue()).body("code", equalTo("rate-limited"));
        // Another touchpoint's link is counted on its own.
        String other = Fixtures.touchpoint("store-team");
        String otherToken = asAdmin(() -> given().post("/api/v1/touchpoints/" + other + "/public-link").then().extract().path("token"));
        anonymous(otherToken, Map.of("type", "RATING", "csat", 4)).statusCode(201);
    }

    @Test
    void suggestionsCarryAPublicStatusAndResponseTheCustomerReads() {
        UUID customer = UUID.randomUUID();
        String id = asCustomer(customer, () -> postFeedback(Map.of("type", "SUGGESTION", "touchpointCode", touchpoint,
                "text", "Add a self-checkout")).statusCode(201).extract().path("id"));
        asAgent(() -> given().contentType(ContentType.JSON).body(Map.of("status", "PLANNED", "response", "Coming in spring"))
                .put("/api/v1/feedback/" + id + "/suggestion").then().statusCode(200).body("suggestion.status", equalTo("PLANNED")));
        asCustomer(customer, () -> given().get("/api/v1/me/feedback").then()
                .body("items[0].suggestion.status", equalTo("PLANNED")).body("items[0].suggestion.response", equalTo("Coming in spring")));
        String compliment = asCustomer(customer, () -> postFeedback(Map.of("type", "COMPLIMENT", "touchpointCode", touchpoint,
                "csat", 5)).extract().path("id"));
        asAgent(() -> given().contentType(ContentType.JSON).body(Map.of("status", "DONE"))
                .put("/api/v1/feedback/" + compliment + "/suggestion").then().statusCode(422).body("code", equalTo("not-a-suggestion")));
        asCustomer(customer, () -> given().contentType(ContentType.JSON).body(Map.of("status", "DONE"))
                .put("/api/v1/feedback/" + id + "/suggestion").then().statusCode(403));
    }

    @Test
    @TestSecurity
    void aRealSignedTokenSubmitsFeedbackThroughTheHttpStack() {
        UUID customer = UUID.randomUUID();
        String bearer = TestTokens.bearer("customer-" + customer, Set.of(Roles.CUSTOMER), Map.of("customer_id", customer.toString()));
        given().header("Authorization", bearer).contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(Map.of("type", "RATING", "touchpointCode", touchpoint, "nps", 8)).post("/api/v1/feedback")
                .then().statusCode(201).body("source", equalTo("CUSTOMER"));
        given().header("Authorization", bearer).get("/api/v1/me/feedback").then().statusCode(200).body("items[0].nps", equalTo(8));
        given().header("Authorization", TestTokens.bearer("customer-x", Set.of(Roles.CUSTOMER), Map.of()))
                .get("/api/v1/me/feedback").then().statusCode(403);
        given().get("/api/v1/me/feedback").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse anonymous(String token, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("token", token);
        return given().auth().none().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(body).post("/public/v1/feedback").then();
    }
}
