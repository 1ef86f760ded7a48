package io.motcrm.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.motcrm.platform.security.Roles;
import io.quarkus.test.security.TestSecurity;

/**
 * What every service must show from the start: ready on its database, documented, measured, problem
 * details for bad requests, operators' routes closed to others, a correlation id on every answer. A
 * service's {@code ServiceBasicsTest} extends this with {@code @QuarkusTest}.
 */
public abstract class ServiceBasicsChecks {

    /** A word the service's OpenAPI title contains, e.g. {@code loyalty}. */
    protected abstract String serviceName();

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void openApiAndMetricsAreServed() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", containsString(serviceName()));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /**
     * The service's part of the API contract: every operation has a stable id, one or more audience tags, a
     * typed success answer (a schema, or 204) and problem answers; ids are unique.
     */
    @Test
    void everyOperationIsDocumented() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<String> faults = OpenApiContract.faults(document);
        assertThat(faults).as("OpenAPI contract faults of this service").isEmpty();
    }

    @Test
    @TestSecurity(user = "operator", roles = Roles.ADMIN)
    void malformedRequestIsAProblem() {
        given().contentType("application/json").body("{\"ids\": [1,").post("/admin/outbox/requeue")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-request"));
        given().contentType("application/json").body("{\"ids\": []}").post("/admin/outbox/requeue")
                .then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("violations[0].field", equalTo("ids"));
        given().get("/admin/outbox?status=LOST")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid-parameter"));
        given().get("/admin/outbox?size=100000")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
    }

    @Test
    void operationsRoutesNeedTheAdminRole() {
        given().get("/admin/outbox").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("agent-kim", Set.of(Roles.AGENT), java.util.Map.of()))
                .get("/admin/outbox").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.expired("operator", Set.of(Roles.ADMIN)))
                .get("/admin/outbox").then().statusCode(401);
    }

    @Test
    void unknownRouteIsAProblemWithACorrelationId() {
        given().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"))
                .header("X-Correlation-Id", notNullValue());
    }
}
