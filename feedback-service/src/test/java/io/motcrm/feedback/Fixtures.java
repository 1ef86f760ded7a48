package io.motcrm.feedback;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestCallers;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Shared steps of the tests: touchpoints, feedback and cases made through the API as the right caller. */
public final class Fixtures {

    public static final String ADMIN = "admin-ann";
    public static final String AGENT = "agent-alex";
    public static final String SUPERVISOR = "supervisor-sue";

    private Fixtures() {
    }

    public static <T> T asAdmin(Supplier<T> calls) {
        return as(ADMIN, Roles.ADMIN, calls);
    }

    public static <T> T asAgent(Supplier<T> calls) {
        return as(AGENT, Roles.AGENT, calls);
    }

    public static <T> T as(String name, String role, Supplier<T> calls) {
        AtomicReference<T> result = new AtomicReference<>();
        TestCallers.as(name, Set.of(role), Map.of(), () -> result.set(calls.get()));
        return result.get();
    }

    public static <T> T asCustomer(UUID customerId, Supplier<T> calls) {
        AtomicReference<T> result = new AtomicReference<>();
        TestCallers.asCustomer(customerId, () -> result.set(calls.get()));
        return result.get();
    }

    /** A new active touchpoint owned by {@code team}; returns its code. */
    public static String touchpoint(String team) {
        String code = "tp-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin(() -> given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Checkout " + code, "channel", "STORE", "stage", "PAY", "team", team))
                .post("/api/v1/touchpoints").then().statusCode(201));
        return code;
    }

    public static ValidatableResponse postFeedback(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/v1/feedback").then();
    }

    /** A complaint from {@code customer} at {@code touchpoint}; returns the id of the case it opened. */
    public static UUID complaint(UUID customer, String touchpoint, int csat) {
        String caseId = asCustomer(customer, () -> postFeedback(Map.of("type", "COMPLAINT", "touchpointCode", touchpoint,
                "csat", csat, "text", "The queue took forever")).statusCode(201).extract().path("caseId"));
        return UUID.fromString(caseId);
    }

    public static ValidatableResponse move(UUID caseId, String status, String rootCause) {
        Map<String, Object> body = rootCause == null ? Map.of("status", status) : Map.of("status", status, "rootCause", rootCause);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/cases/" + caseId + "/status").then();
    }
}
