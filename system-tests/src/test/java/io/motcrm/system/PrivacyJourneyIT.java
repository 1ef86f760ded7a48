package io.motcrm.system;

import static io.motcrm.system.Suite.signUp;
import static io.motcrm.system.Suite.staff;
import static io.motcrm.system.Suite.write;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Consent decides who a campaign may contact; erasure anonymises the customer in all three services,
 * and customer-service shows each service's completion.
 */
class PrivacyJourneyIT {

    @Test
    void withdrawnConsentTakesTheCustomerOutOfTheAudience() {
        UUID customer = signUp(null);
        consent(customer, true);
        write(staff("supervisor.lee"), Map.of("channel", "EMAIL", "campaign", "st-spring", "customerIds", List.of(customer)))
                .post("/api/v1/audiences/contacts")
                .then().statusCode(200).body("recorded", contains(customer.toString()));

        consent(customer, false);
        write(staff("supervisor.lee"), Map.of("channel", "EMAIL", "campaign", "st-summer", "customerIds", List.of(customer)))
                .post("/api/v1/audiences/contacts")
                .then().statusCode(200)
                .body("recorded", empty())
                .body("skipped[0].reason", equalTo("no-consent"));
    }

    @Test
    void erasureAnonymisesTheCustomerInEveryService() {
        UUID customer = signUp(null);
        await().atMost(Duration.ofSeconds(30)).until(() -> staff("agent.kim")
                .get("/api/v1/loyalty/customers/" + customer + "/balance").statusCode() == 200);

        write(staff("supervisor.lee"), Map.of()).post("/api/v1/customers/" + customer + "/erasure")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(staff("supervisor.lee")
                .get("/api/v1/customers/" + customer + "/erasure").then().statusCode(200)
                .extract().path("completed")));

        staff("supervisor.lee").get("/api/v1/customers/" + customer)
                .then().statusCode(200).body("status", equalTo("ERASED")).body("email", nullValue()).body("phone", nullValue());
        // Erasing twice is harmless.
        write(staff("supervisor.lee"), Map.of()).post("/api/v1/customers/" + customer + "/erasure")
                .then().statusCode(org.hamcrest.Matchers.either(equalTo(200)).or(equalTo(201)));
    }

    private static void consent(UUID customer, boolean granted) {
        write(staff("agent.kim"), Map.of("purpose", "marketing_email", "granted", granted, "channel", "CALL_CENTRE",
                        "policyVersion", "2026-01"))
                .post("/api/v1/customers/" + customer + "/consents")
                .then().statusCode(201);
    }
}
