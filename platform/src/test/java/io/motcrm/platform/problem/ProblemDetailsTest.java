package io.motcrm.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProblemDetailsTest {

    private static final String VALID = """
            {"name": "a", "lines": [{"sku": "x", "quantity": 1, "kind": "EARN"}]}
            """;

    @Test
    void validRequestPasses() {
        given().contentType(ContentType.JSON).body(VALID).post("/fixture/orders")
                .then().statusCode(200).body("name", equalTo("a"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"name\": ").post("/fixture/orders")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:motcrm:problem:malformed-request"))
                .body("code", equalTo("malformed-request"))
                .body("status", equalTo(400))
                .body("title", not(nullValue()))
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
    }

    @Test
    void contentAfterTheBodyIsA400Problem() {
        given().contentType(ContentType.JSON).body(VALID + "}").post("/fixture/orders")
                .then().statusCode(400)
                .body("code", equalTo("malformed-request"));
        given().contentType(ContentType.JSON).body(VALID + " " + VALID).post("/fixture/orders")
                .then().statusCode(400)
                .body("code", equalTo("malformed-request"))
                .body("detail", containsString("nothing after it"));
    }

    @Test
    void aHugeWrongValueIsNotEchoedInFull() {
        String huge = "x".repeat(5_000);
        String answer = given().contentType(ContentType.JSON)
                .body("{\"name\": \"a\", \"lines\": [{\"sku\": \"x\", \"quantity\": 1, \"kind\": \"" + huge + "\"}]}")
                .post("/fixture/orders")
                .then().statusCode(400)
                .body("code", equalTo("invalid-field"))
                .extract().asString();
        assertThat(answer.length()).isLessThan(1_000);
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"a\", \"lines\": [{\"sku\": \"x\", \"quantity\": \"many\", \"kind\": \"EARN\"}]}")
                .post("/fixture/orders")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("invalid-field"))
                .body("violations[0].field", equalTo("lines[0].quantity"))
                .body(not(containsString("java.lang")));
    }

    @Test
    void unknownEnumValueListsTheAcceptedOnes() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"a\", \"lines\": [{\"sku\": \"x\", \"quantity\": 1, \"kind\": \"STEAL\"}]}")
                .post("/fixture/orders")
                .then().statusCode(400)
                .body("code", equalTo("invalid-field"))
                .body("violations[0].field", equalTo("lines[0].kind"))
                .body("detail", containsString("[EARN, SPEND]"));
    }

    @Test
    void missingRequiredFieldsAreListed() {
        given().contentType(ContentType.JSON).body("{\"lines\": [{\"sku\": \"\"}]}").post("/fixture/orders")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("validation-failed"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("lines[0].sku"))
                .body("violations.field", hasItem("lines[0].quantity"))
                .body("violations.field", hasItem("lines[0].kind"));
    }

    @Test
    void unknownFieldIsRejected() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"a\", \"lines\": [], \"balance\": 1000000}")
                .post("/fixture/orders")
                .then().statusCode(400)
                .body("code", equalTo("unknown-field"))
                .body("violations[0].field", equalTo("balance"));
    }

    @Test
    void emptyOrWrongShapedBodyIsA400() {
        given().contentType(ContentType.JSON).body("").post("/fixture/orders")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON).body("[1, 2]").post("/fixture/orders")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("code", equalTo("malformed-request"));
    }

    @Test
    void invalidQueryParameterIsA400() {
        given().get("/fixture/orders/1?size=1000")
                .then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("violations[0].field", equalTo("size"));
        given().get("/fixture/orders/abc")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("code", equalTo("invalid-parameter"));
    }

    @Test
    void unknownRouteIsA404Problem() {
        given().get("/no/such/thing")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("not-found"))
                .body("instance", equalTo("/no/such/thing"));
    }

    @Test
    void rawBytesInTheRequestLineAreNotEchoedBack() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            byte[] head = "GET /no/such/caf".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] tail = " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            socket.getOutputStream().write(head);
            socket.getOutputStream().write(new byte[] { (byte) 0xC3, (byte) 0xA9, (byte) 0xFF });
            socket.getOutputStream().write(tail);
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 404").contains("application/problem+json");
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(body.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(body).isTrue();
            assertThat(io.restassured.path.json.JsonPath.from(body).getString("instance")).startsWith("/no/such/caf%");
        }
    }

    @Test
    void wrongMethodAndMediaTypeAreProblems() {
        given().delete("/fixture/orders")
                .then().statusCode(405).contentType(Problem.MEDIA_TYPE).body("code", equalTo("method-not-allowed"));
        given().contentType(ContentType.XML).body("<order/>").post("/fixture/orders")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE).body("code", equalTo("unsupported-media-type"));
    }

    @Test
    void oversizeBodyIsA413Problem() {
        String huge = "{\"name\": \"" + "x".repeat(100_000) + "\", \"lines\": []}";
        given().contentType(ContentType.JSON).body(huge).post("/fixture/orders")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE).body("code", equalTo("payload-too-large"));
    }

    @Test
    void unexpectedErrorRevealsNothingInternal() {
        given().get("/fixture/boom")
                .then().statusCode(500)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("internal-error"))
                .body(not(containsString("secret")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void valuesAreTakenAsDeclaredNeverCoerced() {
        given().contentType(ContentType.JSON).body("{\"granted\": true, \"count\": 2, \"total\": 3, \"ratio\": 0.5, \"note\": \"n\"}")
                .post("/fixture/scalars").then().statusCode(200).body("count", equalTo(2));
        // A number where a whole number is declared, 1 for a boolean, a string for a number, a number for a string.
        for (String body : new String[] { "{\"count\": 2.7}", "{\"granted\": 1}", "{\"count\": \"5\"}",
                "{\"ratio\": \"0.5\"}", "{\"granted\": \"true\"}", "{\"note\": 5}", "{\"total\": 1.0e2}" }) {
            String field = body.substring(2, body.indexOf('"', 2));
            given().contentType(ContentType.JSON).body(body).post("/fixture/scalars")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("invalid-field"))
                    .body("violations[0].field", equalTo(field));
        }
    }

    @Test
    void aNumberTooLargeForItsFieldIsNamed() {
        for (String body : new String[] { "{\"count\": 1e30}", "{\"count\": 99999999999}", "{\"total\": 99999999999999999999}" }) {
            String field = body.substring(2, body.indexOf('"', 2));
            given().contentType(ContentType.JSON).body(body).post("/fixture/scalars")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("invalid-field"))
                    .body("violations[0].field", equalTo(field))
                    .body("detail", not(containsString("not valid JSON")));
        }
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"a\", \"lines\": [{\"sku\": \"x\", \"quantity\": 3000000000, \"kind\": \"EARN\"}]}")
                .post("/fixture/orders")
                .then().statusCode(400).body("violations[0].field", equalTo("lines[0].quantity"));
    }

    @Test
    void anInvalidParameterIsNamedWithWhatItTakes() {
        given().get("/fixture/colours/BLUE")
                .then().statusCode(400).body("code", equalTo("invalid-parameter"))
                .body("violations[0].field", equalTo("colour"))
                .body("detail", containsString("[RED, GREEN]"));
        given().get("/fixture/colours/RED?after=nope")
                .then().statusCode(400).body("violations[0].field", equalTo("after"))
                .body("detail", containsString("UUID"));
        given().get("/fixture/orders/abc")
                .then().statusCode(400).body("violations[0].field", equalTo("id"));
    }

    @Test
    void noFrameworkWordingReachesTheClient() {
        for (var answer : java.util.List.of(
                given().contentType(ContentType.XML).body("<order/>").post("/fixture/orders"),
                given().delete("/fixture/orders"),
                given().accept(ContentType.XML).get("/fixture/orders/1"))) {
            answer.then().contentType(Problem.MEDIA_TYPE)
                    .body(not(containsString("@Consumes")))
                    .body(not(containsString("resource method")))
                    .body(not(containsString("RESTEASY")));
        }
    }

    @Test
    void anExtensionCannotRepeatAMemberName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Problem.of(CommonProblem.CONFLICT, "x", "/x",
                java.util.List.of(), java.util.Map.of("status", "CAPTURED"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingBodyIsNamedBodyNotByItsJavaName() {
        given().contentType(ContentType.JSON).post("/fixture/orders")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("validation-failed"))
                .body("violations[0].field", equalTo("body"));
    }
}
