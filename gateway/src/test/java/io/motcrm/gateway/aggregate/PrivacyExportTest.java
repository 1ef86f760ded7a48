package io.motcrm.gateway.aggregate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.gateway.support.Callers;
import io.motcrm.gateway.support.InjectStubs;
import io.motcrm.gateway.support.StubServices;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PrivacyExportTest {

    @InjectStubs
    StubServices stubs;

    @AfterEach
    void servicesBackUp() {
        stubs.reset();
    }

    @Test
    void aCustomersExportCombinesAllThreeServicesWithTheirToken() {
        UUID customer = UUID.randomUUID();
        String token = Callers.customer(customer);
        given().header("Authorization", token)
                .get("/api/v1/me/export")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("customerId", equalTo(customer.toString()))
                .body("exportedAt", notNullValue())
                .body("services.customer-service.profile.id", equalTo(customer.toString()))
                .body("services.customer-service.received.authorization", equalTo(token))
                .body("services.loyalty-service.account.customerId", equalTo(customer.toString()))
                .body("services.feedback-service.received.authorization", equalTo(token));
    }

    @Test
    void anExportMissingAServiceIsRefusedNotGivenOutIncomplete() {
        stubs.down(StubServices.LOYALTY);
        given().header("Authorization", Callers.customer(UUID.randomUUID()))
                .get("/api/v1/me/export")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("code", equalTo("export-incomplete"))
                .body("unavailable", contains("loyalty-service"));
    }

    @Test
    void aServiceFailingItsPartRefusesTheExport() {
        stubs.failWith(StubServices.FEEDBACK, 500);
        given().header("Authorization", Callers.customer(UUID.randomUUID()))
                .get("/api/v1/me/export")
                .then().statusCode(503)
                .body("unavailable", contains("feedback-service"));
    }

    @Test
    void aHungServiceRefusesTheExport() {
        stubs.hang(StubServices.FEEDBACK);
        given().header("Authorization", Callers.agent()).header("X-Access-Purpose", "subject access request")
                .get("/api/v1/customers/{id}/export", UUID.randomUUID())
                .then().statusCode(503)
                .body("unavailable", contains("feedback-service"));
    }

    @Test
    void staffExportACustomerWithAPurpose() {
        UUID customer = UUID.randomUUID();
        given().header("Authorization", Callers.agent()).header("X-Access-Purpose", "subject access request")
                .get("/api/v1/customers/{id}/export", customer)
                .then().statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("services.customer-service.received.purpose", equalTo("subject access request"))
                .body("services.loyalty-service.received.purpose", equalTo("subject access request"));
        given().header("Authorization", Callers.agent())
                .get("/api/v1/customers/{id}/export", customer)
                .then().statusCode(400)
                .body("code", equalTo("access-purpose-required"));
    }

    @Test
    void customersAndPartnersCannotUseTheStaffExport() {
        UUID customer = UUID.randomUUID();
        given().header("Authorization", Callers.customer(customer)).header("X-Access-Purpose", "me")
                .get("/api/v1/customers/{id}/export", customer)
                .then().statusCode(403)
                .body("code", equalTo("forbidden"));
        given().header("Authorization", Callers.partner("cafe"))
                .get("/api/v1/me/export")
                .then().statusCode(403);
    }

    @Test
    void aCustomerTokenWithoutACustomerIdExportsNothing() {
        given().header("Authorization", TestTokens.bearer("nobody", java.util.Set.of(Roles.CUSTOMER), java.util.Map.of()))
                .get("/api/v1/me/export")
                .then().statusCode(404)
                .body("code", equalTo("customer-not-found"));
    }
}
