package io.motcrm.feedback.touchpoint;

import static io.motcrm.feedback.Fixtures.asAgent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Public links expire and can be rotated; an old printed code gets a message the customer understands. */
@QuarkusTest
@TestSecurity(user = "admin-ann", roles = "admin")
class PublicLinksTest {

    @Inject
    TouchpointTokens tokens;

    String touchpoint;

    @BeforeEach
    void setUp() {
        touchpoint = Fixtures.touchpoint("store-team");
    }

    private ValidatableResponse issue(String query) {
        return given().post("/api/v1/touchpoints/" + touchpoint + "/public-link" + query).then();
    }

    private ValidatableResponse rotate(String key) {
        return given().header(Idempotency.HEADER, key).post("/api/v1/touchpoints/" + touchpoint + "/public-link/rotation").then();
    }

    private static ValidatableResponse submit(String token) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "RATING", "csat", 4));
        body.put("token", token);
        return given().auth().none().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(body).post("/public/v1/feedback").then();
    }

    private static Instant instant(ValidatableResponse response) {
        return Instant.parse(response.extract().<String>path("expiresAt"));
    }

    @Test
    void aLinkExpiresAfterTheDefaultValidityOrTheOneAskedFor() {
        Instant now = Instant.now();
        ValidatableResponse standard = issue("").statusCode(200).body("version", equalTo(1))
                .body("url", startsWith("http://localhost:8080/feedback?t="));
        assertThat(instant(standard)).isBetween(now.plus(Duration.ofDays(180)).minusSeconds(5),
                now.plus(Duration.ofDays(180)).plusSeconds(5));
        assertThat(instant(issue("?validFor=P7D").statusCode(200))).isBetween(now.plus(Duration.ofDays(7)).minusSeconds(5),
                now.plus(Duration.ofDays(7)).plusSeconds(5));
        submit(standard.extract().path("token")).statusCode(201);

        issue("?validFor=P731D").statusCode(400).body("code", equalTo("invalid-parameter"))
                .body("maxValidity", equalTo("PT17520H"));
        issue("?validFor=soon").statusCode(400).body("code", equalTo("invalid-parameter"));
        issue("?validFor=-P1D").statusCode(400).body("code", equalTo("invalid-parameter"));
        issue("?validFor=PT0S").statusCode(400).body("code", equalTo("invalid-parameter"));
    }

    @Test
    void anExpiredLinkIsGoneWithAMessageForTheCustomer() {
        String expired = tokens.sign(touchpoint, 1, Instant.now().minusSeconds(1));
        submit(expired).statusCode(410).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("link-expired"))
                .body("detail", equalTo("This QR code or link is no longer valid. Please ask a member of staff for a new one."));
        // Still valid for a moment more: accepted.
        submit(tokens.sign(touchpoint, 1, Instant.now().plusSeconds(60))).statusCode(201);
    }

    @Test
    void rotationRevokesEveryEarlierLinkAndIssuesANewOne() {
        String old = issue("").extract().path("token");
        String key = UUID.randomUUID().toString();
        ValidatableResponse rotated = rotate(key).statusCode(200).body("version", equalTo(2))
                .body("touchpointCode", equalTo(touchpoint));
        String current = rotated.extract().path("token");

        submit(old).statusCode(410).body("code", equalTo("link-revoked"))
                .body("detail", equalTo("This QR code or link has been replaced by a new one. Please ask a member of "
                        + "staff for the current one."));
        submit(current).statusCode(201);
        given().get("/api/v1/touchpoints/" + touchpoint).then().body("publicLinkVersion", equalTo(2));
        // A link issued now is of the new version too.
        submit(issue("?validFor=P1D").body("version", equalTo(2)).extract().path("token")).statusCode(201);

        // The retry of a rotation answers the same link and rotates nothing.
        rotate(key).statusCode(200).header(Idempotency.REPLAYED_HEADER, "true").body("token", equalTo(current));
        given().get("/api/v1/touchpoints/" + touchpoint).then().body("publicLinkVersion", equalTo(2));
        submit(current).statusCode(201);

        // A new rotation revokes the link of the last one.
        rotate(UUID.randomUUID().toString()).statusCode(200).body("version", equalTo(3));
        submit(current).statusCode(410).body("code", equalTo("link-revoked"));
    }

    @Test
    void rotationIsForAdminsWithAnIdempotencyKey() {
        given().post("/api/v1/touchpoints/" + touchpoint + "/public-link/rotation").then().statusCode(400)
                .body("code", equalTo("idempotency-key-missing"));
        rotate(UUID.randomUUID().toString() + "x").statusCode(200);
        given().header(Idempotency.HEADER, UUID.randomUUID().toString()).post("/api/v1/touchpoints/no-such-one/public-link/rotation")
                .then().statusCode(404).body("code", equalTo("touchpoint-not-found"));
        asAgent(() -> given().header(Idempotency.HEADER, UUID.randomUUID().toString())
                .post("/api/v1/touchpoints/" + touchpoint + "/public-link/rotation").then().statusCode(403));
        rotate(UUID.randomUUID().toString()).statusCode(200).body("version", equalTo(3));
    }

    @Test
    void aLinkIssuedBeforeLinksExpiredIsRefusedAsExpired() {
        submit(legacyToken(touchpoint)).statusCode(410).body("code", equalTo("link-expired"));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString((touchpoint + ":1:9999999999")
                .getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
        submit(forged).statusCode(401).body("code", equalTo("invalid-public-token"));
    }

    /** A token as issued before versions and expiries, signed with the test configuration's secret. */
    static String legacyToken(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TouchpointTokens.DEV_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            return encoder.encodeToString(code.getBytes(StandardCharsets.UTF_8)) + "."
                    + encoder.encodeToString(mac.doFinal(("touchpoint:" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
