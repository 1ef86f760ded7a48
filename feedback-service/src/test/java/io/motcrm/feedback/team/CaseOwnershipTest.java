package io.motcrm.feedback.team;

import static io.motcrm.feedback.Fixtures.ADMIN;
import static io.motcrm.feedback.Fixtures.AGENT;
import static io.motcrm.feedback.Fixtures.OTHER_AGENT;
import static io.motcrm.feedback.Fixtures.SUPERVISOR;
import static io.motcrm.feedback.Fixtures.as;
import static io.motcrm.feedback.Fixtures.asAdmin;
import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.motcrm.feedback.Fixtures.complaint;
import static io.motcrm.feedback.Fixtures.move;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Cases reach real people: owners from the owning team, escalation to its supervisor, changes by the right people. */
@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class CaseOwnershipTest {

    @Inject
    MutableClock clock;

    String team;

    @BeforeEach
    void setUp() {
        FakeServices.up();
        Fixtures.testStaff();
        team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.team(team, SUPERVISOR, List.of(ADMIN), List.of(AGENT, OTHER_AGENT, SUPERVISOR));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Two agents of their own (load counts every open case a person owns, in any team). */
    private List<String> freshTeamOfTwo() {
        String one = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        String two = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.staff(one, "One", Roles.AGENT);
        Fixtures.staff(two, "Two", Roles.AGENT);
        Fixtures.team(team, SUPERVISOR, List.of(ADMIN), List.of(one, two, SUPERVISOR));
        return List.of(one, two);
    }

    @Test
    void newCasesGoToTheLeastLoadedAgentOfTheOwningTeam() {
        List<String> agents = freshTeamOfTwo();
        String touchpoint = Fixtures.touchpointOf(team);
        UUID first = complaint(UUID.randomUUID(), touchpoint, 2);
        UUID second = complaint(UUID.randomUUID(), touchpoint, 2);
        // Only agents are given cases while the team has some (the supervisor is a member too).
        String firstOwner = given().get("/api/v1/cases/" + first).then().extract().path("ownerName");
        String secondOwner = given().get("/api/v1/cases/" + second).then().extract().path("ownerName");
        assertThat(List.of(firstOwner, secondOwner)).containsExactlyInAnyOrderElementsOf(agents);
        given().get("/api/v1/cases/" + first + "/history").then()
                .body("findAll { it.kind == 'ASSIGNED' }.detail", contains("owner " + firstOwner));
    }

    /** Cases arriving at once are assigned one after the other under the team's lock: loads never drift apart. */
    @Test
    void concurrentCasesAreSpreadEvenly() throws Exception {
        List<String> agents = freshTeamOfTwo();
        String touchpoint = Fixtures.touchpointOf(team);
        ExecutorService customers = Executors.newFixedThreadPool(6);
        try {
            List<Future<UUID>> opened = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                opened.add(customers.submit(() -> complaint(UUID.randomUUID(), touchpoint, 2)));
            }
            for (Future<UUID> each : opened) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            customers.shutdownNow();
        }
        List<String> owners = QuarkusTransaction.requiringNew().call(() -> SupportCase.<SupportCase>list("team", team)
                .stream().map(c -> c.ownerName).toList());
        assertThat(owners).hasSize(12);
        assertThat(owners.stream().filter(agents.get(0)::equals).count()).isEqualTo(6);
        assertThat(owners.stream().filter(agents.get(1)::equals).count()).isEqualTo(6);
    }

    @Test
    void aTeamWithoutMembersGivesTheCaseToItsSupervisorAndNoTeamLeavesItInTheQueue() {
        String supervised = "sup-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.team(supervised, SUPERVISOR, List.of(), List.of());
        UUID toSupervisor = complaint(UUID.randomUUID(), Fixtures.touchpointOf(supervised), 2);
        given().get("/api/v1/cases/" + toSupervisor).then().body("ownerName", equalTo(SUPERVISOR))
                .body("ownerDisplayName", equalTo("Sue Supervisor"));

        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        UUID customer = UUID.randomUUID();
        UUID queued = complaint(customer, Fixtures.touchpointOf(nobody), 2);
        given().get("/api/v1/cases/" + queued).then().body("ownerName", nullValue()).body("unassigned", equalTo(true));
        given().get("/api/v1/cases?unassigned=true&team=" + nobody).then().body("id", contains(queued.toString()));
        asCustomer(customer, () -> given().get("/api/v1/me/cases/" + queued).then().statusCode(200).body("ownerName", nullValue()));
    }

    @Test
    void theOwnerMustBeAnActiveMemberOrTheSupervisorOfTheCasesTeam() {
        UUID caseId = complaint(UUID.randomUUID(), Fixtures.touchpointOf(team), 2);
        asAdmin(() -> assign(caseId, "duty-supervisor").statusCode(422).body("code", equalTo("unknown-owner")));
        String outsider = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.staff(outsider, "Out Sider", Roles.AGENT);
        asAdmin(() -> assign(caseId, outsider).statusCode(422).body("code", equalTo("owner-not-in-team"))
                .body("eligible", contains(AGENT, OTHER_AGENT, SUPERVISOR)));
        asAdmin(() -> given().contentType(ContentType.JSON).body(Map.of("displayName", "Bo Agent", "role", "agent", "active", false))
                .put("/api/v1/mot/staff/" + OTHER_AGENT).then().statusCode(200));
        try {
            asAdmin(() -> assign(caseId, OTHER_AGENT).statusCode(422).body("code", equalTo("unknown-owner")));
        } finally {
            Fixtures.staff(OTHER_AGENT, "Bo Agent", Roles.AGENT);
        }
        asAdmin(() -> assign(caseId, SUPERVISOR).statusCode(200).body("ownerName", equalTo(SUPERVISOR)));
    }

    @Test
    void onlyTheOwnerTheTeamsSupervisorsAndAdminsChangeTheCase() {
        UUID caseId = complaint(UUID.randomUUID(), Fixtures.touchpointOf(team), 2);
        String owner = given().get("/api/v1/cases/" + caseId).then().extract().path("ownerName");
        String other = owner.equals(AGENT) ? OTHER_AGENT : AGENT;

        as(other, Roles.AGENT, () -> move(caseId, "ACKNOWLEDGED", null).statusCode(403)
                .body("code", equalTo("not-case-owner")).body("owner", equalTo(owner))
                .body("teamSupervisors", contains(SUPERVISOR, ADMIN))
                .body("detail", containsString("the case's owner (" + owner + ")")));
        as(other, Roles.AGENT, () -> assign(caseId, other).statusCode(403).body("code", equalTo("not-case-owner")));
        String outsideSupervisor = "supervisor-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.staff(outsideSupervisor, "Other Supervisor", Roles.SUPERVISOR);
        as(outsideSupervisor, Roles.SUPERVISOR, () -> move(caseId, "ACKNOWLEDGED", null).statusCode(403));

        as(owner, Roles.AGENT, () -> move(caseId, "ACKNOWLEDGED", null).statusCode(200));
        as(SUPERVISOR, Roles.SUPERVISOR, () -> move(caseId, "IN_PROGRESS", null).statusCode(200));
        as("admin-elsewhere", Roles.ADMIN, () -> move(caseId, "WAITING_ON_CUSTOMER", null).statusCode(200));
        // The owner hands the case over; from then on the previous owner may no longer change it.
        as(owner, Roles.AGENT, () -> assign(caseId, other).statusCode(200));
        as(owner, Roles.AGENT, () -> move(caseId, "IN_PROGRESS", null).statusCode(403));
        as(other, Roles.AGENT, () -> move(caseId, "IN_PROGRESS", null).statusCode(200));
        given().get("/api/v1/cases/" + caseId).then().body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void aMemberTakesAQueuedCaseForThemselves() {
        String queue = "queue-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.team(queue, null, List.of(), List.of());
        UUID caseId = complaint(UUID.randomUUID(), Fixtures.touchpointOf(queue), 2);
        given().get("/api/v1/cases/" + caseId).then().body("unassigned", equalTo(true));
        Fixtures.team(queue, null, List.of(), List.of(AGENT));
        as(OTHER_AGENT, Roles.AGENT, () -> assign(caseId, OTHER_AGENT).statusCode(403));
        as(AGENT, Roles.AGENT, () -> assign(caseId, AGENT).statusCode(200).body("ownerName", equalTo(AGENT)));
        given().get("/api/v1/cases/" + caseId + "/history").then()
                .body("findAll { it.kind == 'ASSIGNED' }.detail", hasItem("queue -> " + AGENT));
    }

    @Test
    void customersSeeTheOwnersDisplayNameAndStaffSeeBoth() {
        UUID customer = UUID.randomUUID();
        UUID caseId = complaint(customer, Fixtures.touchpointOf(team), 2);
        String owner = given().get("/api/v1/cases/" + caseId).then().extract().path("ownerName");
        String shown = owner.equals(AGENT) ? "Alex Agent" : "Bo Agent";
        given().get("/api/v1/cases/" + caseId).then().body("ownerDisplayName", equalTo(shown));
        asCustomer(customer, () -> {
            given().get("/api/v1/me/cases").then().body("[0].ownerName", equalTo(shown));
            given().get("/api/v1/me/cases/" + caseId).then().body("ownerName", equalTo(shown));
            return given().get("/api/v1/me/feedback/summary").then().body("openCases[0].ownerName", equalTo(shown))
                    .body("openCases[0].ownerLogin", nullValue());
        });
    }

    @Test
    void aBreachEscalatesToTheTeamsSupervisorThenUpItsChainWithTheTeamsOwnTargets() {
        asAdmin(() -> given().contentType(ContentType.JSON).body(Map.of("name", "Drill", "supervisor", SUPERVISOR,
                "members", List.of(AGENT), "escalation", List.of(ADMIN), "firstResponseTarget", "PT2M"))
                .put("/api/v1/mot/teams/" + team).then().statusCode(200).body("firstResponseTarget", equalTo("PT2M")));
        UUID caseId = complaint(UUID.randomUUID(), Fixtures.touchpointOf(team), 3);
        given().get("/api/v1/cases/" + caseId).then().body("sla.firstResponseTargetSeconds", equalTo(120));
        clock.advance(Duration.ofMinutes(3));
        as(AGENT, Roles.AGENT, () -> given().post("/api/v1/mot/sla/checks").then().statusCode(403));
        asAdmin(() -> given().post("/api/v1/mot/sla/checks").then().statusCode(200));
        given().get("/api/v1/cases/" + caseId).then().body("sla.firstResponseBreached", equalTo(true))
                .body("escalations.escalatedTo", contains(SUPERVISOR)).body("escalations.role", contains("SUPERVISOR"));
        asAdmin(() -> given().post("/api/v1/mot/sla/checks").then().statusCode(200).body("changes", equalTo(0)));
        clock.advance(Duration.ofHours(1));
        asAdmin(() -> given().post("/api/v1/mot/sla/checks").then().statusCode(200));
        given().get("/api/v1/cases/" + caseId).then().body("escalations.escalatedTo", contains(SUPERVISOR, ADMIN))
                .body("escalations.role", contains("SUPERVISOR", "MANAGER"));
    }

    @Test
    void teamsNameOnlyPeopleOfTheDirectoryAndAreReadByStaff() {
        asAdmin(() -> given().contentType(ContentType.JSON).body(Map.of("name", "X", "supervisor", "nobody-known",
                "members", List.of(AGENT, "ghost"))).put("/api/v1/mot/teams/" + team).then().statusCode(422)
                .body("code", equalTo("unknown-staff")).body("unknown", contains("ghost", "nobody-known")));
        asAdmin(() -> given().contentType(ContentType.JSON).body(Map.of("name", "X", "firstResponseTarget", "soon"))
                .put("/api/v1/mot/teams/" + team).then().statusCode(400).body("code", equalTo("invalid-field")));
        given().contentType(ContentType.JSON).body(Map.of("name", "X")).put("/api/v1/mot/teams/" + team).then().statusCode(403);
        given().get("/api/v1/mot/teams/" + team).then().statusCode(200).body("supervisor", equalTo(SUPERVISOR))
                .body("members", contains(AGENT, OTHER_AGENT, SUPERVISOR)).body("escalation", contains(ADMIN));
        given().get("/api/v1/mot/teams").then().statusCode(200).body("code", hasItem(team));
        given().get("/api/v1/mot/teams/no-such-team").then().statusCode(404).body("code", equalTo("team-not-found"));
        given().get("/api/v1/mot/staff").then().statusCode(200).body("findAll { it.login == 'agent-alex' }", hasSize(1));
    }

    private static ValidatableResponse assign(UUID caseId, String owner) {
        return given().contentType(ContentType.JSON).body(Map.of("owner", owner)).put("/api/v1/cases/" + caseId + "/owner").then();
    }
}
