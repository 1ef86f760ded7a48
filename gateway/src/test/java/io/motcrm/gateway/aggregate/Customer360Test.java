package io.motcrm.gateway.aggregate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.gateway.support.Callers;
import io.motcrm.gateway.support.InjectStubs;
import io.motcrm.gateway.support.StubServices;
import io.motcrm.platform.testing.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class Customer360Test {

    @InjectStubs
    StubServices stubs;

    @AfterEach
    void servicesBackUp() {
        stubs.reset();
    }

    @Test
    void staffWithAPurposeSeeEverySectionAndEachServiceGetsTheirTokenAndPurpose() {
        UUID customer = UUID.randomUUID();
        String token = Callers.agent();
        given().header("Authorization", token).header("X-Access-Purpose", "complaint call")
                .header("X-Correlation-Id", "corr-360-" + customer)
                .get("/api/v1/customers/{id}/360", customer)
                .then().statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("profile.status", equalTo("available"))
                .body("profile.data.memberCode", equalTo("M-0001"))
                .body("profile.data.received.authorization", equalTo(token))
                .body("profile.data.received.purpose", equalTo("complaint call"))
                .body("profile.data.received.correlationId", equalTo("corr-360-" + customer))
                .body("points.status", equalTo("available"))
                .body("points.data.available", equalTo(1200))
                .body("points.data.tier", equalTo("silver"))
                .body("points.data.received.authorization", equalTo(token))
                .body("openCases.status", equalTo("available"))
                .body("openCases.data[0].priority", equalTo("high"))
                .body("recentFeedback.data[0].type", equalTo("complaint"))
                .body("nps.data.score", equalTo(-20));
    }

    @Test
    void staffWithoutAPurposeAreRefused() {
        given().header("Authorization", Callers.agent())
                .get("/api/v1/customers/{id}/360", UUID.randomUUID())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("access-purpose-required"));
    }

    @Test
    void aCustomerSeesTheirOwn360WithoutAPurpose() {
        UUID customer = UUID.randomUUID();
        given().header("Authorization", Callers.customer(customer))
                .get("/api/v1/customers/{id}/360", customer)
                .then().statusCode(200)
                .body("profile.status", equalTo("available"))
                .body("profile.data.received.purpose", nullValue());
    }

    @Test
    @TestSecurity(user = "placeholder")
    void anotherCustomers360DoesNotExistForACustomer() {
        TestCallers.asCustomer(UUID.randomUUID(), () -> given()
                .get("/api/v1/customers/{id}/360", UUID.randomUUID())
                .then().statusCode(404)
                .body("code", equalTo("customer-not-found")));
    }

    @Test
    @TestSecurity(user = "placeholder")
    void partnersGetNo360() {
        TestCallers.asPartner("cafe", () -> given()
                .get("/api/v1/customers/{id}/360", UUID.randomUUID())
                .then().statusCode(403)
                .body("code", equalTo("forbidden")));
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().get("/api/v1/customers/{id}/360", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void aSlowServiceLeavesItsSectionUnavailableAndTheRestAnswers() {
        long started = System.nanoTime();
        given().header("Authorization", Callers.agent()).header("X-Access-Purpose", "audit")
                .get("/api/v1/customers/{id}/360", StubServices.SLOW_LOYALTY)
                .then().statusCode(200)
                .body("profile.status", equalTo("available"))
                .body("points.status", equalTo("unavailable"))
                .body("points.data", nullValue())
                .body("openCases.status", equalTo("available"));
        // The section's deadline is 2 s; the slow service would take 5 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4500));
    }

    @Test
    void aServiceThatIsDownLeavesItsSectionsUnavailable() {
        stubs.down(StubServices.FEEDBACK);
        given().header("Authorization", Callers.agent()).header("X-Access-Purpose", "audit")
                .get("/api/v1/customers/{id}/360", UUID.randomUUID())
                .then().statusCode(200)
                .body("profile.status", equalTo("available"))
                .body("points.status", equalTo("available"))
                .body("openCases.status", equalTo("unavailable"))
                .body("recentFeedback.status", equalTo("unavailable"))
                .body("nps.status", equalTo("unavailable"));
    }

    @Test
    void aHungServiceLeavesItsSectionUnavailable() {
        stubs.hang(StubServices.CUSTOMER);
        given().header("Authorization", Callers.agent()).header("X-Access-Purpose", "audit")
                .get("/api/v1/customers/{id}/360", UUID.randomUUID())
                .then().statusCode(200)
                .body("profile.status", equalTo("unavailable"))
                .body("points.status", equalTo("available"));
    }

    @Test
    void theSectionsAreFetchedInParallel() {
        // Two services hang; each call's deadline is 2 s, so one after the other would take over 4 s.
        stubs.hang(StubServices.CUSTOMER);
        stubs.hang(StubServices.FEEDBACK);
        long started = System.nanoTime();
        given().header("Authorization", Callers.agent()).header("X-Access-Purpose", "audit")
                .get("/api/v1/customers/{id}/360", UUID.randomUUID())
                .then().statusCode(200)
                .body("profile.status", equalTo("unavailable"))
                .body("openCases.status", equalTo("unavailable"))
                .body("points.status", equalTo("available"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3800));
    }

    @Test
    void aCustomerCustomerServiceDoesNotKnowIsNotFound() {
        given().header("Authorization", Callers.agent()).header("X-Access-Purpose", "audit")
                .get("/api/v1/customers/{id}/360", StubServices.UNKNOWN)
                .then().statusCode(404)
                .body("code", equalTo("customer-not-found"));
    }

    @Test
    void aMalformedIdIsBadInput() {
        given().header("Authorization", Callers.agent()).header("X-Access-Purpose", "audit")
                .get("/api/v1/customers/not-a-uuid/360")
                .then().statusCode(400)
                .body("code", equalTo("invalid-parameter"));
    }

}
