package io.motcrm.customer.profile;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.platform.testing.TestCallers.as;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.platform.problem.Problem;
import io.motcrm.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "supervisor-kang", roles = "supervisor")
class MyProfileResourceTest {

    static final String PATH = "/api/v1/me/profile";

    @Test
    void aCustomerReadsTheirOwnProfile() {
        UUID self = newCustomer();
        newCustomer();
        asCustomer(self, () -> given().get(PATH).then().statusCode(200)
                .body("id", equalTo(self.toString()))
                .body("contactsMasked", equalTo(false)));
    }

    @Test
    void aCustomerChangesTheirOwnProfile() {
        UUID self = newCustomer();
        asCustomer(self, () -> {
            given().contentType("application/merge-patch+json").body("{\"locale\": \"en-GB\"}").patch(PATH).then()
                    .statusCode(200).body("id", equalTo(self.toString())).body("locale", equalTo("en-GB"));
            given().contentType(ContentType.JSON).body("{\"email\": \"not-an-email\"}").patch(PATH).then()
                    .statusCode(400).body("code", equalTo("invalid-email"))
                    .body("violations[0].field", equalTo("email"));
        });
        asCustomer(self, () -> given().get(PATH).then().body("locale", equalTo("en-GB")));
    }

    @Test
    void staffHaveNoProfileOfTheirOwn() {
        given().get(PATH).then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("code", equalTo("forbidden"));
        given().contentType(ContentType.JSON).body("{\"locale\": \"en-GB\"}").patch(PATH).then().statusCode(403);
    }

    @Test
    void aCustomerTokenWithoutTheClaimNamesNobody() {
        as("customer-without-claim", Set.of(Roles.CUSTOMER), Map.of(),
                () -> given().get(PATH).then().statusCode(403).body("code", equalTo("forbidden")));
    }

    @Test
    void aCustomerWhoHasNotSignedUpHasNoProfile() {
        asCustomer(UUID.randomUUID(), () -> given().get(PATH).then().statusCode(404)
                .body("code", equalTo("customer-not-found")));
    }
}
