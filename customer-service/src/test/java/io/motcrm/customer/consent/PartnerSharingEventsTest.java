package io.motcrm.customer.consent;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.json;
import static io.motcrm.customer.Fixtures.outbox;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.motcrm.customer.Fixtures;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.outbox.OutboxMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Contract 2: loyalty-service hears of every change of the partner_sharing consent, in the change's transaction. */
@QuarkusTest
@TestSecurity(user = "supervisor-bae", roles = "supervisor")
class PartnerSharingEventsTest {

    static List<JsonNode> consentChanges(UUID customer) {
        List<OutboxMessage> messages = outbox("customer", customer, ConsentChanged.PATH);
        assertThat(messages).extracting(m -> m.target).containsOnly("loyalty-api");
        return messages.stream().map(m -> json(m.payload)).toList();
    }

    @Test
    void everyGrantAndWithdrawalOfPartnerSharingIsToldToLoyalty() {
        UUID customer = newCustomer();
        String granted = Fixtures.consent(customer, "partner_sharing", true).extract().path("occurredAt");
        Fixtures.consent(customer, "marketing_email", true);
        String[] withdrawn = new String[1];
        asCustomer(customer, () -> withdrawn[0] = given().contentType(ContentType.JSON)
                .header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"purpose\": \"partner_sharing\", \"granted\": false, \"channel\": \"APP\", \"policyVersion\": \"2026-01\"}")
                .post("/api/v1/me/consents").then().statusCode(201).extract().path("occurredAt"));

        List<JsonNode> changes = consentChanges(customer);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("customerId").asText()).isEqualTo(customer.toString());
        assertThat(changes.get(0).get("purpose").asText()).isEqualTo("partner_sharing");
        assertThat(changes.get(0).get("granted").asBoolean()).isTrue();
        assertThat(changes.get(0).get("changedAt").asText()).isEqualTo(granted);
        assertThat(changes.get(1).get("granted").asBoolean()).isFalse();
        assertThat(changes.get(1).get("changedAt").asText()).isEqualTo(withdrawn[0]);
        assertThat(changes.get(0).size()).isEqualTo(4);
    }

    @Test
    void aRefusedChangeSendsNothing() {
        UUID customer = newCustomer();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .post("/api/v1/customers/" + customer + "/erasure").then().statusCode(201);
        int atErasure = consentChanges(customer).size();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"purpose\": \"partner_sharing\", \"granted\": true, \"channel\": \"APP\", \"policyVersion\": \"2026-01\"}")
                .post("/api/v1/customers/" + customer + "/consents").then().statusCode(409);
        assertThat(consentChanges(customer)).hasSize(atErasure);
    }

    @Test
    void erasureWithdrawsPartnerSharingAtLoyaltyWhetherOrNotItWasGranted() {
        UUID granted = newCustomer();
        Fixtures.consent(granted, "partner_sharing", true);
        UUID never = newCustomer();
        for (UUID customer : List.of(granted, never)) {
            given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                    .post("/api/v1/customers/" + customer + "/erasure").then().statusCode(201);
            JsonNode last = consentChanges(customer).get(consentChanges(customer).size() - 1);
            assertThat(last.get("granted").asBoolean()).isFalse();
            assertThat(last.get("purpose").asText()).isEqualTo("partner_sharing");
        }
        assertThat(consentChanges(granted)).hasSize(2);
        assertThat(consentChanges(never)).hasSize(1);
        // Erasing again sends nothing more.
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .post("/api/v1/customers/" + never + "/erasure").then().statusCode(200);
        assertThat(consentChanges(never)).hasSize(1);
    }
}
