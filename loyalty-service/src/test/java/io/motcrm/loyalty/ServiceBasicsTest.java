package io.motcrm.loyalty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** What every service must show from the start: ready on its database, documented, measured. */
@QuarkusTest
class ServiceBasicsTest {

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void openApiAndMetricsAreServed() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", containsString("loyalty"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    @TestSecurity(user = "operator", roles = "admin")
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
    }

    @Test
    void unknownRouteIsAProblem() {
        given().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"));
    }
}
