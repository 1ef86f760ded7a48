package io.motcrm.system;

import static io.motcrm.system.Suite.as;
import static io.motcrm.system.Suite.customerIdOf;
import static io.motcrm.system.Suite.gateway;
import static io.motcrm.system.Suite.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The gateway's own answers: the customer 360, object-level checks, resource limits (OWASP API1, API4). */
class GatewayIT {

    @Test
    void staffSeeTheCustomer360FromAllThreeServices() {
        UUID customer = customerIdOf("customer.hana");
        staff("agent.kim").get("/api/v1/customers/" + customer + "/360")
                .then().statusCode(200)
                .body("profile.status", equalTo("available"))
                .body("profile.data.id", equalTo(customer.toString()))
                .body("points.status", equalTo("available"))
                .body("points.data.available", notNullValue())
                .body("openCases.status", equalTo("available"))
                .body("recentFeedback.status", equalTo("available"))
                .body("nps.status", equalTo("available"));
    }

    @Test
    void aCustomerReachesOnlyTheirOwnRecords() {
        UUID hana = customerIdOf("customer.hana");
        UUID jun = customerIdOf("customer.jun");
        as("customer.hana").get("/api/v1/customers/" + hana).then().statusCode(200);
        as("customer.hana").get("/api/v1/customers/" + jun).then().statusCode(404);
        as("customer.hana").get("/api/v1/loyalty/customers/" + jun + "/balance").then().statusCode(404);
        as("customer.hana").get("/api/v1/customers/" + jun + "/360").then().statusCode(404);
    }

    @Test
    void massAssignmentCannotSetIdsOrBalances() {
        UUID hana = customerIdOf("customer.hana");
        as("customer.hana").contentType("application/json")
                .body("{\"id\": \"" + UUID.randomUUID() + "\", \"memberCode\": \"X\", \"status\": \"ERASED\"}")
                .patch("/api/v1/customers/" + hana)
                .then().statusCode(400);
        as("customer.hana").contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"maxPoints\": 5, \"available\": 1000000}")
                .post("/api/v1/loyalty/customers/" + hana + "/redemption-codes")
                .then().statusCode(400);
    }

    @Test
    void oversizeBodiesAndHugePagesAreRefused() {
        String huge = "{\"name\": \"" + "x".repeat(2_000_000) + "\"}";
        as("agent.kim").contentType("application/json").body(huge).post("/api/v1/customers")
                .then().statusCode(413);
        staff("agent.kim").get("/api/v1/customers?namePrefix=Jung&size=100000").then().statusCode(400);
    }

    @Test
    void aFloodOfAnonymousFeedbackIsThrottledWhileOthersAreStillServed() {
        int throttled = 0;
        for (int i = 0; i < 40; i++) {
            var response = gateway().contentType("application/json").body("{\"token\": \"flood\", \"type\": \"COMPLAINT\"}")
                    .post("/public/v1/feedback");
            if (response.statusCode() == 429) {
                throttled++;
                response.then().header("Retry-After", notNullValue())
                        .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
            } else {
                // Rejected by the service for its bad token or body, never a server error.
                response.then().statusCode(org.hamcrest.Matchers.lessThan(500));
            }
        }
        org.assertj.core.api.Assertions.assertThat(throttled).isGreaterThan(0);
        staff("agent.kim").get("/api/v1/touchpoints").then().statusCode(200);
    }

    @Test
    void theOneOpenApiDocumentCoversEveryRoutedPrefixOfTheRealServices() {
        gateway().get("/openapi")
                .then().statusCode(200)
                .body("components.securitySchemes.oidc", notNullValue())
                .body("paths.'/partner/v1/redemptions'", notNullValue())
                .body("paths.'/api/v1/customers/{customerId}/360'", notNullValue())
                .body("x-motcrm-coverage.undocumentedPrefixes", org.hamcrest.Matchers.empty());
    }

    @Test
    void everyAnswerCarriesACorrelationId() {
        gateway().get("/api/v1/customers").then().header("X-Correlation-Id", notNullValue());
    }
}
