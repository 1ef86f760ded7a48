package io.motcrm.customer.segment;

import static io.motcrm.customer.Callers.PURPOSE;
import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.purchase;
import static io.motcrm.customer.Fixtures.unique;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.Fixtures.Line;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "supervisor-bae", roles = "supervisor")
class SegmentTest {

    static ValidatableResponse create(String name, String rule) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"name\": \"%s\", \"rule\": %s}".formatted(name, rule)).post("/api/v1/segments").then();
    }

    static ValidatableResponse members(String segment, String query) {
        return given().header(CallerAccess.PURPOSE_HEADER, PURPOSE)
                .get("/api/v1/segments/" + segment + "/members" + query).then();
    }

    static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    @Test
    void firstTimeBuyersWhoHaveNotReturnedForTwoWeeks() {
        String category = "cat-" + unique();
        UUID quiet = newCustomer();
        purchase(quiet, daysAgo(20), new Line("A", category, 1, 100));
        UUID recent = newCustomer();
        purchase(recent, daysAgo(2), new Line("A", category, 1, 100));
        UUID repeat = newCustomer();
        purchase(repeat, daysAgo(30), new Line("A", category, 1, 100));
        purchase(repeat, daysAgo(25), new Line("B", category, 1, 100));

        String id = create("first purchase, quiet " + unique(), """
                {"conditions": [{"field": "lifecycleStage", "op": "eq", "value": "first_purchase"},
                                {"field": "daysSinceLastPurchase", "op": "gte", "value": 14},
                                {"field": "topCategory", "op": "eq", "value": "%s"}]}""".formatted(category))
                .statusCode(201).body("rule.conditions", hasSize(3)).body("createdBy", equalTo("supervisor-bae"))
                .extract().path("id");

        members(id, "").statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].customerId", equalTo(quiet.toString()))
                .body("items[0].lifecycleStage", equalTo("first_purchase"));
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).get("/api/v1/segments/" + id).then().statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void membersArePaginated() {
        String category = "cat-" + unique();
        for (int i = 0; i < 3; i++) {
            purchase(newCustomer(), daysAgo(1), new Line("A", category, 1, 100));
        }
        String id = create("buyers " + unique(), """
                {"conditions": [{"field": "topCategory", "op": "eq", "value": "%s"}]}""".formatted(category))
                .statusCode(201).extract().path("id");
        List<String> first = members(id, "?size=2").statusCode(200).body("totalItems", equalTo(3))
                .extract().path("items.customerId");
        List<String> second = members(id, "?size=2&page=1").statusCode(200).body("items", hasSize(1))
                .extract().path("items.customerId");
        assertThat(first).hasSize(2).doesNotContainAnyElementsOf(second);
        members(id, "?size=101").statusCode(400).body("code", equalTo("validation-failed"));
        members(UUID.randomUUID().toString(), "").statusCode(404).body("code", equalTo("segment-not-found"));
    }

    @Test
    void prospectsAreCustomersWithoutPurchasesEvenBeforeAnyRecomputation() {
        String id = create("prospects " + unique(), """
                {"conditions": [{"field": "lifecycleStage", "op": "eq", "value": "prospect"}]}""").statusCode(201)
                .extract().path("id");
        UUID prospect = newCustomer();
        long total = members(id, "?size=100").extract().<Integer> path("totalItems");
        List<String> all = new java.util.ArrayList<>();
        for (int page = 0; page * 100 < total; page++) {
            all.addAll(members(id, "?size=100&page=" + page).extract().path("items.customerId"));
        }
        assertThat(all).contains(prospect.toString());
    }

    @Test
    void badRulesAndDuplicateNamesAreRefused() {
        create("bad " + unique(), """
                {"conditions": [{"field": "shoeSize", "op": "eq", "value": 42}]}""").statusCode(400)
                .body("code", equalTo("invalid-segment-rule"));
        create("bad " + unique(), "{\"conditions\": []}").statusCode(400).body("code", equalTo("validation-failed"));
        create("bad " + unique(), "{}").statusCode(400).body("code", equalTo("validation-failed"));
        String name = "taken " + unique();
        String rule = "{\"conditions\": [{\"field\": \"recencyScore\", \"op\": \"gte\", \"value\": 4}]}";
        create(name, rule).statusCode(201);
        create(name, rule).statusCode(409).body("code", equalTo("segment-name-taken"));
    }

    @Test
    void agentsListSegmentsButOnlySupervisorsAndAdminsDefineThem() {
        String name = "listed " + unique();
        create(name, "{\"conditions\": [{\"field\": \"monetaryScore\", \"op\": \"eq\", \"value\": 5}]}")
                .statusCode(201);
        asStaff("agent-2", Roles.AGENT, () -> {
            create("agent's " + unique(), "{\"conditions\": [{\"field\": \"monetaryScore\", \"op\": \"eq\", \"value\": 5}]}")
                    .statusCode(403);
            given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam("size", 100).get("/api/v1/segments").then()
                    .statusCode(200).body("items.name", org.hamcrest.Matchers.hasItem(name));
            given().get("/api/v1/segments").then().statusCode(400).body("code", equalTo("access-purpose-required"));
        });
    }
}
