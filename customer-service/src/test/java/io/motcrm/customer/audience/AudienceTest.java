package io.motcrm.customer.audience;

import static io.motcrm.customer.Callers.PURPOSE;
import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.consent;
import static io.motcrm.customer.Fixtures.purchase;
import static io.motcrm.customer.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.Fixtures.Line;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "supervisor-moon", roles = "supervisor")
class AudienceTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Customers who bought in a category of their own, and a segment of exactly them. */
    static String segmentOf(String category) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"name\": \"%s\", \"rule\": {\"conditions\": [{\"field\": \"topCategory\", \"op\": \"eq\", \"value\": \"%s\"}]}}"
                        .formatted(category, category))
                .post("/api/v1/segments").then().statusCode(201).extract().path("id");
    }

    static UUID buyer(String category) {
        UUID customer = newCustomer();
        purchase(customer, Instant.now(), new Line("A", category, 1, 100));
        return customer;
    }

    static ValidatableResponse audience(String segment, String channel) {
        return given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam("segmentId", segment)
                .queryParam("channel", channel).get("/api/v1/audiences").then();
    }

    static ValidatableResponse contact(String channel, UUID... customers) {
        List<String> ids = new ArrayList<>();
        for (UUID customer : customers) {
            ids.add("\"" + customer + "\"");
        }
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"channel\": \"%s\", \"campaign\": \"spring-sale\", \"customerIds\": [%s]}"
                        .formatted(channel, String.join(", ", ids)))
                .post("/api/v1/audiences/contacts").then();
    }

    static List<String> members(ValidatableResponse audience) {
        return audience.statusCode(200).extract().path("items.customerId");
    }

    @Test
    void onlyCustomersWhoConsentToTheChannelAreInTheAudience() {
        String category = "aud-" + unique();
        UUID consenting = buyer(category);
        UUID silent = buyer(category);
        UUID withdrawn = buyer(category);
        UUID smsOnly = buyer(category);
        consent(consenting, "marketing_email", true);
        consent(withdrawn, "marketing_email", true);
        consent(withdrawn, "marketing_email", false);
        consent(smsOnly, "marketing_sms", true);
        String segment = segmentOf(category);

        assertThat(members(audience(segment, "EMAIL"))).containsExactly(consenting.toString());
        assertThat(members(audience(segment, "SMS"))).containsExactly(smsOnly.toString());
        assertThat(members(audience(segment, "PUSH"))).isEmpty();
        audience(segment, "EMAIL").body("cap", equalTo(4)).body("window", equalTo("PT720H"))
                .body("items[0].contactsInWindow", equalTo(0));
        assertThat(silent).isNotNull();
    }

    @Test
    void theContactFrequencyCapKeepsCustomersOutUntilTheWindowPasses() {
        String category = "aud-" + unique();
        UUID customer = buyer(category);
        consent(customer, "marketing_email", true);
        consent(customer, "marketing_sms", true);
        String segment = segmentOf(category);

        for (int i = 0; i < 3; i++) {
            contact("EMAIL", customer).statusCode(200).body("recorded", hasSize(1));
        }
        // The cap counts contacts on every channel.
        contact("SMS", customer).statusCode(200).body("recorded", hasSize(1));
        assertThat(members(audience(segment, "EMAIL"))).isEmpty();
        assertThat(members(audience(segment, "SMS"))).isEmpty();
        contact("EMAIL", customer).statusCode(200).body("recorded", hasSize(0))
                .body("skipped[0].customerId", equalTo(customer.toString()))
                .body("skipped[0].reason", equalTo("cap-reached"));

        clock.advance(Duration.ofDays(31));
        assertThat(members(audience(segment, "EMAIL"))).containsExactly(customer.toString());
    }

    @Test
    void recordingSkipsCustomersWithoutConsentAndUnknownOnes() {
        UUID consenting = newCustomer();
        UUID silent = newCustomer();
        UUID unknown = UUID.randomUUID();
        consent(consenting, "marketing_push", true);
        var result = contact("PUSH", consenting, silent, unknown).statusCode(200).extract();
        assertThat(result.<List<String>> path("recorded")).containsExactly(consenting.toString());
        assertThat(result.<List<String>> path("skipped.reason")).containsExactlyInAnyOrder("no-consent",
                "unknown-customer");
        contact("FAX", consenting).statusCode(400).body("code", equalTo("invalid-field"));
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"channel\": \"PUSH\", \"campaign\": \"x\", \"customerIds\": []}")
                .post("/api/v1/audiences/contacts").then().statusCode(400).body("code", equalTo("validation-failed"));
        audience(UUID.randomUUID().toString(), "EMAIL").statusCode(404).body("code", equalTo("segment-not-found"));
        audience(UUID.randomUUID().toString(), "FAX").statusCode(400);
    }

    @Test
    void concurrentCampaignsCannotTogetherPassTheCap() throws Exception {
        UUID customer = newCustomer();
        consent(customer, "marketing_email", true);
        for (int i = 0; i < 3; i++) {
            contact("EMAIL", customer).statusCode(200).body("recorded", hasSize(1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> recorded = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                recorded.add(pool.submit(() -> {
                    start.await();
                    return contact("EMAIL", customer).statusCode(200).extract().<List<String>> path("recorded").size();
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> r : recorded) {
                total += r.get();
            }
            assertThat(total).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        long contacts = QuarkusTransaction.requiringNew().call(() -> MarketingContact.count("customerId", customer));
        assertThat(contacts).isEqualTo(4);
    }
}
