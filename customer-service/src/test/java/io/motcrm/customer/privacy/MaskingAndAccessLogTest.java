package io.motcrm.customer.privacy;

import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "agent-cho", roles = "agent")
class MaskingAndAccessLogTest {

    static ValidatableResponse read(UUID customer, String purpose) {
        return given().header(CallerAccess.PURPOSE_HEADER, purpose).get("/api/v1/customers/" + customer).then();
    }

    static ValidatableResponse log(UUID customer) {
        return given().get("/api/v1/customers/" + customer + "/access-log").then();
    }

    @Test
    void anAgentSeesContactsMaskedUnlessThePurposeNeedsThem() {
        UUID customer = newCustomer();
        read(customer, "complaint follow-up").statusCode(200)
                .body("contactsMasked", equalTo(true))
                .body("email", matchesPattern("m\\*\\*\\*@example\\.com"))
                .body("phone", matchesPattern("\\+82\\*{6}\\d{4}"))
                .body("name", matchesPattern("Kim Min-ji .*"));
        read(customer, "callback: case 4711").statusCode(200)
                .body("contactsMasked", equalTo(false))
                .body("email", matchesPattern("minji\\..*@example\\.com"))
                .body("phone", not(matchesPattern(".*\\*.*")));
        read(customer, "Contact-Verification").statusCode(200).body("contactsMasked", equalTo(false));
        read(customer, "callbacks are fun").statusCode(200).body("contactsMasked", equalTo(true));
        read(customer, "").statusCode(400).body("code", equalTo("access-purpose-required"));
    }

    @Test
    void supervisorsAndAdminsSeeContactsInFull() {
        UUID customer = newCustomer();
        for (String role : List.of(Roles.SUPERVISOR, Roles.ADMIN)) {
            asStaff(role + "-1", role, () -> read(customer, "quality review").statusCode(200)
                    .body("contactsMasked", equalTo(false)).body("email", matchesPattern("minji\\..*")));
        }
    }

    @Test
    void everyStaffReadIsLoggedAndTheCustomerCanListThem() {
        UUID customer = newCustomer();
        read(customer, "complaint follow-up").statusCode(200);
        read(customer, "callback: case 9").statusCode(200);
        asStaff("sup-lim", Roles.SUPERVISOR, () -> read(customer, "quality review").statusCode(200));
        given().header(CallerAccess.PURPOSE_HEADER, "duplicate check").queryParam("email",
                read(customer, "delivery").extract().<String> path("email")).get("/api/v1/customers").then()
                .statusCode(200).body("items[0].contactsMasked", equalTo(true));

        asCustomer(customer, () -> {
            // The customer's own reads are not logged.
            given().get("/api/v1/customers/" + customer).then().statusCode(200).body("contactsMasked", equalTo(false));
            log(customer).statusCode(200)
                    .body("totalItems", equalTo(5))
                    .body("items.action", equalTo(List.of("SEARCH", "READ", "READ", "READ", "READ")))
                    .body("items.section", equalTo(List.of("profile", "profile", "profile", "profile", "profile")))
                    .body("items.purpose", equalTo(List.of("duplicate check", "delivery", "quality review",
                            "callback: case 9", "complaint follow-up")))
                    .body("items.accessedBy", equalTo(List.of("agent-cho", "agent-cho", "sup-lim", "agent-cho",
                            "agent-cho")))
                    .body("items.role", equalTo(List.of("agent", "agent", "supervisor", "agent", "agent")))
                    .body("items.unmasked", equalTo(List.of(false, true, true, true, false)));
            log(customer).body("items[0].accessedAt", matchesPattern("\\d{4}-.*Z"));
            given().queryParam("size", 2).get("/api/v1/customers/" + customer + "/access-log").then()
                    .body("items", hasSize(2)).body("totalItems", equalTo(5));
        });
    }

    @Test
    void onlyTheCustomerSupervisorsAndAdminsReadTheAccessLog() {
        UUID customer = newCustomer();
        UUID other = newCustomer();
        log(customer).statusCode(403);
        asCustomer(other, () -> log(customer).statusCode(404).body("code", equalTo("customer-not-found")));
        asStaff("sup-2", Roles.SUPERVISOR, () -> {
            log(customer).statusCode(400).body("code", equalTo("access-purpose-required"));
            given().header(CallerAccess.PURPOSE_HEADER, "audit").get("/api/v1/customers/" + customer + "/access-log")
                    .then().statusCode(200);
            given().header(CallerAccess.PURPOSE_HEADER, "audit").queryParam("size", 500)
                    .get("/api/v1/customers/" + customer + "/access-log").then().statusCode(400);
        });
    }
}
