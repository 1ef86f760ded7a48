package io.motcrm.customer.referral;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.referral.ReferralTest.codeOf;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "supervisor-yoo", roles = "supervisor")
class MyReferralResourceTest {

    static final String PATH = "/api/v1/me/referrals";

    static ValidatableResponse link(String code) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"referralCode\": \"%s\"}".formatted(code)).post(PATH).then();
    }

    @Test
    void aCustomerReadsTheirOwnReferrals() {
        UUID self = newCustomer();
        String code = codeOf(self);
        asCustomer(self, () -> given().get(PATH).then().statusCode(200)
                .body("referralCode", equalTo(code))
                .body("referredBy", nullValue())
                .body("referees", hasSize(0)));
    }

    @Test
    void aCustomerNamesWhoReferredThem() {
        UUID self = newCustomer();
        UUID friend = newCustomer();
        String code = codeOf(friend);
        asCustomer(self, () -> {
            String location = link(code).statusCode(201)
                    .body("referrerId", equalTo(friend.toString())).body("refereeId", equalTo(self.toString()))
                    .extract().header("Location");
            assertThat(location).endsWith(PATH);
            link(code).statusCode(409).body("code", equalTo("referrer-already-set"));
            given().get(PATH).then().body("referredBy.referrerId", equalTo(friend.toString()));
        });
    }

    @Test
    void staffHaveNoReferralsOfTheirOwn() {
        given().get(PATH).then().statusCode(403).body("code", equalTo("forbidden"));
        link(codeOf(newCustomer())).statusCode(403);
    }
}
