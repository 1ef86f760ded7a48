package io.motcrm.feedback;

import static io.restassured.RestAssured.given;

import java.util.List;
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
    /** A second agent of the test teams' directory, who is no member of them. */
    public static final String OTHER_AGENT = "agent-bo";

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

    /** A person of the staff directory (PUT: adding them again changes nothing). */
    public static void staff(String login, String displayName, String role) {
        asAdmin(() -> given().contentType(ContentType.JSON).body(Map.of("displayName", displayName, "role", role))
                .put("/api/v1/mot/staff/" + login).then().statusCode(200));
    }

    /** The test directory: agent-alex, agent-bo, supervisor-sue and admin-ann. */
    public static void testStaff() {
        staff(AGENT, "Alex Agent", Roles.AGENT);
        staff(OTHER_AGENT, "Bo Agent", Roles.AGENT);
        staff(SUPERVISOR, "Sue Supervisor", Roles.SUPERVISOR);
        staff(ADMIN, "Ann Admin", Roles.ADMIN);
    }

    /** Writes {@code team} with the given members, supervisor and escalation chain (and no SLA targets of its own). */
    public static void team(String team, String supervisor, List<String> escalation, List<String> members) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Team " + team, "members", members, "escalation", escalation));
        if (supervisor != null) {
            body.put("supervisor", supervisor);
        }
        asAdmin(() -> given().contentType(ContentType.JSON).body(body).put("/api/v1/mot/teams/" + team).then().statusCode(200));
    }

    /**
     * A new active touchpoint owned by {@code team}; returns its code. The team is (re)written as the tests'
     * standard team: agent-alex its only member, supervisor-sue its supervisor, admin-ann above her; so
     * agent-alex owns the cases it opens.
     */
    public static String touchpoint(String team) {
        testStaff();
        team(team, SUPERVISOR, List.of(ADMIN), List.of(AGENT));
        return touchpointOf(team);
    }

    /** A new active touchpoint owned by {@code team}, leaving the team as it is (or absent). */
    public static String touchpointOf(String team) {
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
