package io.motcrm.system;

import static io.motcrm.system.Suite.as;
import static io.motcrm.system.Suite.staff;
import static io.motcrm.system.Suite.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * A case reaches real people: a complaint at a store touchpoint is owned by a member of the store team,
 * escalates to the team's named supervisor when its SLA is breached, is refused to another agent and is
 * resolved by its owner. The breach is made fast honestly: the journey's store team (the demo store team's
 * people, see keycloak/demo-data.sh) has its own one-second first-response target, set through the admin API,
 * and the admin runs the SLA check at once instead of waiting for its schedule.
 */
class CaseOwnershipJourneyIT {

    private static final String CUSTOMER = "customer.hana";
    private static final String TEAM = "store-sla-drill";
    private static final String TOUCHPOINT = "store-sla-drill";
    private static final List<String> AGENTS = List.of("agent.kim", "agent.choi");
    private static final String SUPERVISOR = "supervisor.lee";
    private static final String ADMIN = "admin.park";

    @Test
    void storeComplaintIsOwnedByATeamMemberEscalatedToItsSupervisorAndResolvedByItsOwnerOnly() {
        storeTeamWithAOneSecondFirstResponseTarget();

        String caseId = write(as(CUSTOMER), Map.of("type", "COMPLAINT", "touchpointCode", TOUCHPOINT, "csat", 1,
                        "text", "Nobody at the counter for twenty minutes."))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("caseId");
        Response opened = staff(SUPERVISOR).get("/api/v1/cases/" + caseId);
        opened.then().statusCode(200).body("team", equalTo(TEAM)).body("unassigned", equalTo(false));
        String owner = opened.path("ownerName");
        assertThat(owner).as("the case's owner").isIn(AGENTS);
        String other = AGENTS.stream().filter(agent -> !agent.equals(owner)).findFirst().orElseThrow();
        // The customer sees who handles it by name, never a login.
        as(CUSTOMER).get("/api/v1/me/cases/" + caseId).then().statusCode(200)
                .body("ownerName", equalTo(opened.path("ownerDisplayName")));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            as(ADMIN).post("/api/v1/mot/sla/checks").then().statusCode(200);
            return staff(SUPERVISOR).get("/api/v1/cases/" + caseId).path("sla.firstResponseBreached");
        });
        staff(SUPERVISOR).get("/api/v1/cases/" + caseId).then()
                .body("escalations[0].escalatedTo", equalTo(SUPERVISOR))
                .body("escalations[0].role", equalTo("SUPERVISOR"))
                .body("escalations[0].reason", equalTo("FIRST_RESPONSE"));

        status(other, caseId, Map.of("status", "RESOLVED", "rootCause", "service-failure")).then().statusCode(403)
                .body("code", equalTo("not-case-owner")).body("owner", equalTo(owner))
                .body("teamSupervisors", hasItem(SUPERVISOR));
        status(owner, caseId, Map.of("status", "ACKNOWLEDGED")).then().statusCode(200);
        status(owner, caseId, Map.of("status", "IN_PROGRESS")).then().statusCode(200);
        status(owner, caseId, Map.of("status", "RESOLVED", "rootCause", "service-failure")).then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        staff(SUPERVISOR).get("/api/v1/cases/" + caseId + "/history").then()
                .body("find { it.kind == 'STATUS' && it.detail.startsWith('IN_PROGRESS -> RESOLVED') }.actor", equalTo(owner));
    }

    /** The drill's team and touchpoint, written the same way on every run (PUT replaces; the touchpoint once). */
    private static void storeTeamWithAOneSecondFirstResponseTarget() {
        as(ADMIN).contentType("application/json").body(Map.of("name", "Store team (SLA drill)", "members", AGENTS,
                        "supervisor", SUPERVISOR, "escalation", List.of(ADMIN), "firstResponseTarget", "PT1S"))
                .put("/api/v1/mot/teams/" + TEAM).then().statusCode(200);
        if (as(ADMIN).get("/api/v1/touchpoints/" + TOUCHPOINT).statusCode() == 404) {
            as(ADMIN).contentType("application/json").body(Map.of("code", TOUCHPOINT, "name", "Store counter (SLA drill)",
                            "channel", "STORE", "stage", "PAY", "team", TEAM))
                    .post("/api/v1/touchpoints").then().statusCode(201);
        }
    }

    private static Response status(String agent, String caseId, Map<String, String> change) {
        return staff(agent).contentType("application/json").body(change).post("/api/v1/cases/" + caseId + "/status");
    }
}
