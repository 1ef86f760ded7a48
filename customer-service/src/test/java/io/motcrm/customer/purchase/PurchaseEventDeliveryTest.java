package io.motcrm.customer.purchase;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.json;
import static io.motcrm.customer.Fixtures.purchase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.motcrm.customer.EventReceivers;
import io.motcrm.customer.Fixtures.Line;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.outbox.OutboxRelay;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** The outbox relay delivers customer-service's events to a loyalty-service stand-in, in order, once each. */
@QuarkusTest
@TestSecurity(user = "order-system", roles = "service")
class PurchaseEventDeliveryTest {

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.rest-client.loyalty-api.url")
    String loyaltyUrl;

    @Test
    void registrationPurchaseAndReturnReachLoyaltyInOrderWithIdempotencyKeys() {
        UUID customer = signedUp();
        UUID purchase = purchase(customer, Instant.now(), new Line("SKU-7", "garden", 2, 2500));
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"lines\": [{\"lineNo\": 1, \"quantity\": 1}]}")
                .post("/api/v1/customers/" + customer + "/purchases/" + purchase + "/returns").then().statusCode(201);
        while (relay.deliverDue() > 0) {
            // drain
        }

        List<EventReceivers.Received> mine = EventReceivers.received(loyaltyUrl).stream()
                .filter(r -> r.body().contains(customer.toString())).toList();
        assertThat(mine).extracting(EventReceivers.Received::path).containsExactly(
                "/internal/v1/events/customer-registered", "/internal/v1/events/purchase-recorded",
                "/internal/v1/events/purchase-returned");
        assertThat(mine).extracting(EventReceivers.Received::idempotencyKey).doesNotContainNull().doesNotHaveDuplicates();
        var recorded = json(mine.get(1).body());
        assertThat(recorded.get("purchaseId").asText()).isEqualTo(purchase.toString());
        assertThat(recorded.get("totalMinor").asLong()).isEqualTo(5000);
        assertThat(recorded.get("lines").get(0).get("sku").asText()).isEqualTo("SKU-7");
        assertThat(json(mine.get(2).body()).get("returnedMinor").asLong()).isEqualTo(2500);
    }

    UUID signedUp() {
        // Staff sign customers up; this test's caller is the ordering system, so switch for the sign-up.
        UUID[] id = new UUID[1];
        io.motcrm.platform.testing.TestCallers.asStaff("agent-x", "agent", () -> id[0] = newCustomer());
        return id[0];
    }
}
