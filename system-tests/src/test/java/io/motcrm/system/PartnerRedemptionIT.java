package io.motcrm.system;

import static io.motcrm.system.Suite.as;
import static io.motcrm.system.Suite.asPartner;
import static io.motcrm.system.Suite.customerIdOf;
import static io.motcrm.system.Suite.staff;
import static io.motcrm.system.Suite.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A partner redeems a customer's points with the one-time code from the customer's app: authorize (a
 * hold), partial capture, partial refund, with client-credential tokens of two demo partners. The partner
 * sees no personal data, and another partner cannot see or touch the redemption (OWASP API1).
 */
class PartnerRedemptionIT {

    private static final String CUSTOMER = "customer.hana";

    @Test
    void oneTimeCodeAuthorizePartialCaptureAndRefund() {
        UUID customer = customerIdOf(CUSTOMER);
        assertThat(available(customer)).as("the demo customer's welcome bonus").isGreaterThanOrEqualTo(10);
        // Available plus held does not change when an earlier run's forgotten hold expires meanwhile.
        long before = availablePlusHeld(customer);

        String code = write(as(CUSTOMER), Map.of("maxPoints", 10))
                .post("/api/v1/loyalty/customers/" + customer + "/redemption-codes")
                .then().statusCode(201).extract().path("code");

        String authorizeKey = UUID.randomUUID().toString();
        Map<String, Object> authorize = Map.of("code", code, "points", 10, "reference", "pos-" + UUID.randomUUID());
        String redemption = asPartner("partner-cafe-mocha").contentType("application/json")
                .header("Idempotency-Key", authorizeKey).body(authorize)
                .post("/partner/v1/redemptions")
                .then().statusCode(201)
                .body("authorizedPoints", equalTo(10))
                .body("$", not(hasKey("email"))).body("$", not(hasKey("name"))).body("$", not(hasKey("customerId")))
                .extract().path("id");
        // The till retries after a timeout: the same hold, not a second one.
        asPartner("partner-cafe-mocha").contentType("application/json")
                .header("Idempotency-Key", authorizeKey).body(authorize)
                .post("/partner/v1/redemptions")
                .then().statusCode(201).body("id", equalTo(redemption));
        // The code was for one use only.
        write(asPartner("partner-cafe-mocha"), Map.of("code", code, "points", 1, "reference", "again"))
                .post("/partner/v1/redemptions")
                .then().statusCode(409).body("code", equalTo("redemption-code-used"));

        write(asPartner("partner-cafe-mocha"), Map.of("points", 6))
                .post("/partner/v1/redemptions/" + redemption + "/capture")
                .then().statusCode(200).body("capturedPoints", equalTo(6));
        write(asPartner("partner-cafe-mocha"), Map.of("points", 2, "reference", "ret-" + UUID.randomUUID()))
                .post("/partner/v1/redemptions/" + redemption + "/refunds")
                .then().statusCode(200).body("refundedPoints", equalTo(2));

        // Another partner: as if the redemption did not exist.
        asPartner("partner-book-nook").get("/partner/v1/redemptions/" + redemption).then().statusCode(404);
        write(asPartner("partner-book-nook"), Map.of()).post("/partner/v1/redemptions/" + redemption + "/void")
                .then().statusCode(404);

        assertThat(availablePlusHeld(customer)).isEqualTo(before - 6 + 2);
    }

    private static long available(UUID customer) {
        return balance(customer).getLong("available");
    }

    private static long availablePlusHeld(UUID customer) {
        io.restassured.path.json.JsonPath balance = balance(customer);
        return balance.getLong("available") + balance.getLong("held");
    }

    private static io.restassured.path.json.JsonPath balance(UUID customer) {
        return staff("agent.kim").get("/api/v1/loyalty/customers/" + customer + "/balance")
                .then().statusCode(200).extract().jsonPath();
    }
}
