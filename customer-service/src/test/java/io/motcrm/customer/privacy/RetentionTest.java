package io.motcrm.customer.privacy;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.consent;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "supervisor-ret", roles = "supervisor")
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    MutableClock clock;

    @AfterEach
    void restore() {
        clock.reset();
    }

    static void read(UUID customer, String purpose) {
        given().header(CallerAccess.PURPOSE_HEADER, purpose).get("/api/v1/customers/" + customer).then().statusCode(200);
    }

    static void contact(UUID customer, String campaign) {
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"channel\": \"EMAIL\", \"campaign\": \"%s\", \"customerIds\": [\"%s\"]}".formatted(campaign, customer))
                .post("/api/v1/audiences/contacts").then().statusCode(200).body("recorded", hasSize(1));
    }

    @Test
    void purposesExpireAfterAYearButTheEntriesStay() {
        UUID customer = newCustomer();
        read(customer, "an old reason");
        clock.advance(Duration.ofDays(366));
        read(customer, "a recent reason");

        assertThat(retention.purge().purposes()).isPositive();
        asCustomer(customer, () -> given().get("/api/v1/me/access-log").then().statusCode(200)
                .body("items.purpose", equalTo(List.of("a recent reason", "(expired)")))
                .body("items.accessedBy", equalTo(List.of("supervisor-ret", "supervisor-ret")))
                .body("items.section", equalTo(List.of("profile", "profile"))));
        // Nothing more to do on the next run.
        assertThat(retention.purge().purposes()).isZero();
    }

    @Test
    void marketingContactsAreDeletedAfterTheirRetention() {
        UUID customer = newCustomer();
        consent(customer, "marketing_email", true);
        contact(customer, "winter sale");
        clock.advance(Duration.ofDays(200));
        contact(customer, "spring sale");
        clock.advance(Duration.ofDays(200));

        assertThat(retention.purge().marketingContacts()).isPositive();
        given().header(CallerAccess.PURPOSE_HEADER, "privacy-request").get("/api/v1/customers/" + customer + "/export")
                .then().statusCode(200).body("marketingContacts.campaign", equalTo(List.of("spring sale")));
    }
}
