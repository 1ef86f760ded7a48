package io.motcrm.customer.privacy;

import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.consent;
import static io.motcrm.customer.Fixtures.purchase;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.Fixtures.Line;
import io.motcrm.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "agent-seo", roles = "agent")
class ExportTest {

    static ValidatableResponse export(UUID customer) {
        return given().get("/api/v1/customers/" + customer + "/export").then();
    }

    @Test
    void theExportHoldsEverythingKeptAboutTheCustomer() {
        UUID customer = newCustomer();
        consent(customer, "personalization", true);
        purchase(customer, Instant.now(), new Line("A", "books", 2, 1500));
        given().header(CallerAccess.PURPOSE_HEADER, "complaint follow-up").get("/api/v1/customers/" + customer)
                .then().statusCode(200);

        asCustomer(customer, () -> export(customer).statusCode(200)
                .body("exportedAt", notNullValue())
                .body("profile.id", equalTo(customer.toString()))
                .body("profile.email", matchesPattern("minji\\..*@example\\.com"))
                .body("profile.memberCode", notNullValue())
                .body("$", not(hasKey("consents")))
                .body("consentHistory.find { it.purpose == 'personalization' }.granted", equalTo(true))
                .body("consentHistory", hasSize(1))
                .body("purchases", hasSize(1))
                .body("purchases[0].lines[0].category", equalTo("books"))
                .body("purchases[0].lines[0].quantity", equalTo(2))
                .body("purchases[0].lines[0].unitPriceMinor", equalTo(1500))
                // Each fact once: no customer id, no sums that follow from lines and returns, no empty returns.
                .body("purchases[0]", not(hasKey("customerId")))
                .body("purchases[0]", not(hasKey("totalMinor")))
                .body("purchases[0]", not(hasKey("returns")))
                .body("purchases[0].lines[0]", not(hasKey("returnedQuantity")))
                .body("referrals.referralCode", notNullValue())
                .body("insight.lifecycleStage", equalTo("first_purchase"))
                .body("insight.topCategories", equalTo(java.util.List.of("books")))
                .body("marketingContacts", hasSize(0))
                .body("accessLog", hasSize(1))
                .body("accessLog[0].purpose", equalTo("complaint follow-up"))
                .body("accessLog[0].section", equalTo("profile"))
                .body("erasure", nullValue()));
    }

    @Test
    void aStaffExportNeedsAPurposeIsMaskedForAgentsAndIsLogged() {
        UUID customer = newCustomer();
        export(customer).statusCode(400).body("code", equalTo("access-purpose-required"));
        given().header(CallerAccess.PURPOSE_HEADER, "privacy-request: ticket 12").get("/api/v1/customers/" + customer
                + "/export").then().statusCode(200).body("profile.contactsMasked", equalTo(false));
        given().header(CallerAccess.PURPOSE_HEADER, "curious").get("/api/v1/customers/" + customer + "/export").then()
                .statusCode(200).body("profile.contactsMasked", equalTo(true))
                .body("profile.email", matchesPattern("m\\*\\*\\*@.*"));
        asStaff("sup-3", Roles.SUPERVISOR, () -> given().header(CallerAccess.PURPOSE_HEADER, "audit")
                .get("/api/v1/customers/" + customer + "/access-log").then()
                .body("items.action", equalTo(java.util.List.of("EXPORT", "EXPORT")))
                .body("items.unmasked", equalTo(java.util.List.of(false, true))));
    }

    @Test
    void aCustomerCannotExportAnotherCustomer() {
        UUID customer = newCustomer();
        UUID other = newCustomer();
        asCustomer(customer, () -> export(other).statusCode(404).body("code", equalTo("customer-not-found")));
        given().header(CallerAccess.PURPOSE_HEADER, "x").get("/api/v1/customers/" + UUID.randomUUID() + "/export")
                .then().statusCode(404).body("code", equalTo("customer-not-found"));
    }
}
