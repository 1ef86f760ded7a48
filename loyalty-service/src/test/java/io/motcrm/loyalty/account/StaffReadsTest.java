package io.motcrm.loyalty.account;

import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.charity;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.platform.testing.TestCallers.asPartner;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.loyalty.CustomerServiceStub;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.outbox.OutboxMessage;
import io.motcrm.platform.outbox.OutboxRelay;
import io.motcrm.platform.outbox.OutboxStatus;
import io.motcrm.platform.privacy.AccessRecorded;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.problem.Problem;
import io.motcrm.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Every staff read of a customer's points data states a purpose and reaches the customer's access log
 * (customer-service, through the outbox); the customer's own reads do not.
 */
@QuarkusTest
@TestSecurity(user = "agent-al", roles = { "service", "agent" })
class StaffReadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxRelay relay;

    static String path(UUID customer) {
        return "/api/v1/loyalty/customers/" + customer;
    }

    /** The access records waiting in the outbox (or sent) for the customer, oldest first. */
    static List<OutboxMessage> accessRecords(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "aggregateType = ?1 and aggregateId = ?2 order by id", AccessRecorded.AGGREGATE, customer.toString()));
    }

    static JsonNode payload(OutboxMessage message) {
        try {
            return JSON.readTree(message.payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void staffMustStateWhyTheyReadACustomersPoints() {
        UUID customer = register();
        for (String read : List.of("/balance", "/statement", "/expiring-points", "/tier", "/export")) {
            given().get(path(customer) + read).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("access-purpose-required"));
            given().header(StaffReads.PURPOSE_HEADER, " ").get(path(customer) + read).then().statusCode(400)
                    .body("code", equalTo("access-purpose-required"));
            given().header(StaffReads.PURPOSE_HEADER, "x".repeat(201)).get(path(customer) + read).then().statusCode(400)
                    .body("code", equalTo("access-purpose-required"));
        }
        given().contentType(ContentType.JSON).body("{\"totalMinor\": 1000, \"lines\": []}").post(path(customer) + "/earn-quote")
                .then().statusCode(400).body("code", equalTo("access-purpose-required"));
        assertThat(accessRecords(customer)).as("a refused read leaves no entry").isEmpty();
    }

    @Test
    void eachStaffReadIsRecordedWithItsSectionAndPurpose() {
        UUID customer = register();
        String purpose = "Customer called about points " + UUID.randomUUID();
        long transaction = given().header(StaffReads.PURPOSE_HEADER, purpose).get(path(customer) + "/statement").then()
                .statusCode(200).extract().jsonPath().getLong("items[0].transactionId");
        for (String read : List.of("/balance", "/expiring-points", "/tier", "/transactions/" + transaction, "/export")) {
            given().header(StaffReads.PURPOSE_HEADER, purpose).get(path(customer) + read).then().statusCode(200);
        }
        given().header(StaffReads.PURPOSE_HEADER, purpose).contentType(ContentType.JSON)
                .body("{\"totalMinor\": 1000, \"lines\": []}").post(path(customer) + "/earn-quote").then().statusCode(200);

        List<OutboxMessage> records = accessRecords(customer);
        assertThat(records).hasSize(7).allSatisfy(message -> {
            assertThat(message.target).isEqualTo(AccessRecorded.TARGET);
            assertThat(message.path).isEqualTo(AccessRecorded.PATH);
            JsonNode payload = payload(message);
            assertThat(payload.path("customerId").asText()).isEqualTo(customer.toString());
            assertThat(payload.path("accessedBy").asText()).isEqualTo("agent-al");
            assertThat(payload.path("role").asText()).isEqualTo(Roles.AGENT);
            assertThat(payload.path("purpose").asText()).isEqualTo(purpose);
        });
        assertThat(records.stream().map(message -> payload(message).path("section").asText()))
                .containsExactly("points", "points", "points", "points", "points", "export", "points");
    }

    @Test
    void aStaffReadOfADonationIsRecordedAsDonations() {
        UUID customer = register();
        String charity = charity();
        AtomicReference<String> donation = new AtomicReference<>();
        asCustomer(customer, () -> donation.set(given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                .body("{\"charityId\": \"%s\", \"points\": 100}".formatted(charity))
                .post(path(customer) + "/donations").then().statusCode(201).extract().path("donationId")));
        given().get(path(customer) + "/donations/" + donation.get()).then().statusCode(400)
                .body("code", equalTo("access-purpose-required"));
        given().header(StaffReads.PURPOSE_HEADER, "tax receipt query").get(path(customer) + "/donations/" + donation.get())
                .then().statusCode(200).body("points", equalTo(100));
        assertThat(accessRecords(customer)).singleElement()
                .satisfies(message -> assertThat(payload(message).path("section").asText()).isEqualTo("donations"));
    }

    @Test
    void theCustomerReadingTheirOwnPointsIsNotRecorded() {
        UUID customer = register();
        asCustomer(customer, () -> {
            given().get(path(customer) + "/balance").then().statusCode(200);
            given().get(path(customer) + "/export").then().statusCode(200);
            given().get("/api/v1/me/loyalty/statement").then().statusCode(200);
            given().get("/api/v1/me/loyalty/export").then().statusCode(200);
        });
        asPartner("cafe", () -> given().get(path(customer) + "/balance").then().statusCode(403));
        assertThat(accessRecords(customer)).isEmpty();
    }

    @Test
    void theRelayDeliversTheRecordToCustomerServicesAccessLog() {
        UUID customer = register();
        asStaff("sup-sam", Roles.SUPERVISOR, () -> given().header(StaffReads.PURPOSE_HEADER, "complaint review")
                .get(path(customer) + "/balance").then().statusCode(200));
        OutboxMessage record = accessRecords(customer).get(0);
        for (int round = 0; round < 100 && QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>findById(record.id).status) != OutboxStatus.DELIVERED; round++) {
            relay.deliverDue();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(record.id).status))
                .isEqualTo(OutboxStatus.DELIVERED);
        CustomerServiceStub.Received received = CustomerServiceStub.received().stream()
                .filter(request -> request.body().contains(customer.toString())).findFirst().orElseThrow();
        assertThat(received.path()).isEqualTo("/internal/v1/access-log");
        assertThat(received.idempotencyKey()).isEqualTo(record.idempotencyKey);
        JsonNode body = payload(record);
        assertThat(body.path("section").asText()).isEqualTo("points");
        assertThat(body.path("purpose").asText()).isEqualTo("complaint review");
        assertThat(body.path("role").asText()).isEqualTo(Roles.SUPERVISOR);
        assertThat(received.body()).isEqualTo(record.payload);
    }
}
