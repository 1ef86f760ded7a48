package io.motcrm.system;

import static io.motcrm.system.Suite.as;
import static io.motcrm.system.Suite.customerIdOf;
import static io.motcrm.system.Suite.staff;
import static io.motcrm.system.Suite.write;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The moment of truth the product is for: a complaint at a touchpoint opens a case; the agent puts it
 * right on the spot within their authority (the points arrive through loyalty-service), asks a supervisor
 * above it (approval grants them), resolves with a root cause, and the customer rates the recovery.
 */
class ComplaintJourneyIT {

    private static final String CUSTOMER = "customer.jun";
    private static final Duration OUTBOX = Duration.ofSeconds(30);

    @Test
    void complaintCaseCompensationApprovalResolutionAndRecoverySurvey() {
        UUID customer = customerIdOf(CUSTOMER);
        String caseId = write(as(CUSTOMER), Map.of("type", "COMPLAINT", "touchpointCode", "store-gangnam",
                        "channel", "STORE", "nps", 2, "text", "The cashier ignored me for ten minutes."))
                .post("/api/v1/feedback")
                .then().statusCode(201).extract().path("caseId");

        long before = posted(customer);
        status(caseId, Map.of("status", "ACKNOWLEDGED")).then().statusCode(200);
        status(caseId, Map.of("status", "IN_PROGRESS")).then().statusCode(200);
        write(staff("agent.kim"), Map.of("kind", "APOLOGY", "note", "Apologised in person."))
                .post("/api/v1/cases/" + caseId + "/actions").then().statusCode(201);
        write(staff("agent.kim"), Map.of("kind", "COMPENSATION_POINTS", "points", 100, "note", "For the wait."))
                .post("/api/v1/cases/" + caseId + "/actions")
                .then().statusCode(201).body("status", equalTo("APPLIED"));
        // Small, so that the agent's daily authority (20,000) lasts for many runs against the same databases.
        await().atMost(OUTBOX).until(() -> posted(customer) == before + 100);

        String approval = write(staff("agent.kim"), Map.of("kind", "COMPENSATION_POINTS", "points", 9_000,
                        "note", "Second visit ruined too."))
                .post("/api/v1/cases/" + caseId + "/actions")
                .then().statusCode(202).body("status", equalTo("PENDING_APPROVAL"))
                .extract().path("id");
        // Nobody approves their own request; the supervisor does.
        staff("supervisor.lee").contentType("application/json").body(Map.of("reason", "Repeat failure at this store."))
                .post("/api/v1/approvals/" + approval + "/approve")
                .then().statusCode(200).body("status", equalTo("APPLIED"));
        await().atMost(OUTBOX).until(() -> posted(customer) == before + 9_100);

        status(caseId, Map.of("status", "RESOLVED")).then().statusCode(422).body("code", equalTo("root-cause-required"));
        status(caseId, Map.of("status", "RESOLVED", "rootCause", "staff-behaviour")).then().statusCode(200);

        as(CUSTOMER).contentType("application/json").body(Map.of("csat", 5))
                .post("/api/v1/me/cases/" + caseId + "/recovery")
                .then().statusCode(204);
        staff("agent.kim").get("/api/v1/cases/" + caseId).then().statusCode(200).body("recovery.csat", equalTo(5));
    }

    /** The case's owner moves it: a member of the store team, chosen when the case opened. */
    private static io.restassured.response.Response status(String caseId, Map<String, String> change) {
        String owner = staff("supervisor.lee").get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().path("ownerName");
        return staff(owner).contentType("application/json").body(change).post("/api/v1/cases/" + caseId + "/status");
    }

    private static long posted(UUID customer) {
        Number points = staff("agent.kim").get("/api/v1/loyalty/customers/" + customer + "/balance")
                .then().statusCode(200).extract().path("posted");
        return points.longValue();
    }
}
