package io.motcrm.customer.consent;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "agent-nam", roles = "agent")
class MyConsentResourceTest {

    static final String PATH = "/api/v1/me/consents";
    static final String GRANT = "{\"purpose\": \"marketing_sms\", \"granted\": true, \"channel\": \"APP\", \"policyVersion\": \"2026-01\"}";

    static ValidatableResponse record(String body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(body).post(PATH).then();
    }

    @Test
    void aCustomerGrantsConsentForThemselves() {
        UUID self = newCustomer();
        asCustomer(self, () -> {
            String location = record(GRANT).statusCode(201)
                    .body("purpose", equalTo("marketing_sms")).body("granted", equalTo(true))
                    .extract().header("Location");
            assertThat(location).endsWith(PATH + "/history");
        });
        // Recorded on the customer's own record, as staff see it.
        given().get("/api/v1/customers/" + self + "/consents/history").then().statusCode(200)
                .body("", hasSize(1)).body("[0].purpose", equalTo("marketing_sms"));
    }

    @Test
    void aCustomerReadsTheirCurrentConsents() {
        UUID self = newCustomer();
        asCustomer(self, () -> {
            record(GRANT).statusCode(201);
            given().get(PATH).then().statusCode(200).body("", hasSize(5))
                    .body("find { it.purpose == 'marketing_sms' }.granted", equalTo(true))
                    .body("find { it.purpose == 'marketing_sms' }.occurredAt", notNullValue());
        });
    }

    @Test
    void aCustomerReadsTheirConsentHistory() {
        UUID self = newCustomer();
        asCustomer(self, () -> {
            record(GRANT).statusCode(201);
            record(GRANT.replace("true", "false")).statusCode(201);
            given().get(PATH + "/history").then().statusCode(200).body("", hasSize(2))
                    .body("granted", equalTo(java.util.List.of(true, false)));
        });
    }

    @Test
    void staffHaveNoConsentsOfTheirOwn() {
        record(GRANT).statusCode(403).body("code", equalTo("forbidden"));
        given().get(PATH).then().statusCode(403);
        given().get(PATH + "/history").then().statusCode(403);
    }
}
