package io.motcrm.customer.privacy;

import static io.motcrm.customer.Callers.PURPOSE;
import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "supervisor-bae", roles = "supervisor")
class MyPrivacyResourceTest {

    static ValidatableResponse erase() {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .post("/api/v1/me/erasure").then();
    }

    @Test
    void aCustomerErasesThemselves() {
        UUID self = newCustomer();
        asCustomer(self, () -> {
            String location = erase().statusCode(201)
                    .body("customerId", equalTo(self.toString()))
                    .extract().header("Location");
            assertThat(location).endsWith("/api/v1/me/erasure");
            erase().statusCode(200).body("customerId", equalTo(self.toString()));
        });
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).get("/api/v1/customers/" + self).then()
                .body("status", equalTo("ERASED"));
    }

    @Test
    void aCustomerFollowsTheirErasure() {
        UUID self = newCustomer();
        asCustomer(self, () -> {
            given().get("/api/v1/me/erasure").then().statusCode(404).body("code", equalTo("erasure-not-found"));
            String id = erase().statusCode(201).extract().path("id");
            given().get("/api/v1/me/erasure").then().statusCode(200).body("id", equalTo(id))
                    .body("services.find { it.service == 'customer-service' }.status", equalTo("COMPLETED"));
        });
    }

    @Test
    void aCustomerReadsWhoLookedAtTheirData() {
        UUID self = newCustomer();
        given().header(CallerAccess.PURPOSE_HEADER, "callback: case 17").get("/api/v1/customers/" + self).then()
                .statusCode(200);
        asCustomer(self, () -> given().get("/api/v1/me/access-log").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].accessedBy", equalTo("supervisor-bae"))
                .body("items[0].purpose", equalTo("callback: case 17")));
    }

    @Test
    void staffCannotUseTheCustomersOwnRoutes() {
        erase().statusCode(403).body("code", equalTo("forbidden"));
        given().get("/api/v1/me/erasure").then().statusCode(403);
        given().get("/api/v1/me/access-log").then().statusCode(403);
    }
}
