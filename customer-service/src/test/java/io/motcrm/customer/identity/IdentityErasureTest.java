package io.motcrm.customer.identity;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.json;
import static io.motcrm.customer.Fixtures.outbox;
import static io.motcrm.platform.testing.TestCallers.asService;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.customer.identity.KeycloakStub.User;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.outbox.OutboxMessage;
import io.motcrm.platform.outbox.OutboxRelay;
import io.motcrm.platform.testing.MutableClock;
import io.motcrm.platform.testing.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Erasure deletes the customer's Keycloak account through the outbox, against a stand-in of Keycloak. */
@QuarkusTest
@TestProfile(IdentityEnabled.class)
@TestSecurity(user = "supervisor-kc", roles = "supervisor")
class IdentityErasureTest {

    @Inject
    OutboxRelay relay;

    @Inject
    MutableClock clock;

    @ConfigProperty(name = "motcrm.identity.keycloak-url")
    String keycloak;

    @AfterEach
    void restore() {
        clock.reset();
        KeycloakStub.answerWith(keycloak, 200);
    }

    static ValidatableResponse erase(UUID customer) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .post("/api/v1/customers/" + customer + "/erasure").then();
    }

    static ValidatableResponse erasure(UUID customer) {
        return given().get("/api/v1/customers/" + customer + "/erasure").then().statusCode(200);
    }

    static ValidatableResponse eraseAccount(UUID customer, String erasureId) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"customerId\": \"%s\", \"erasureId\": \"%s\", \"erasedAt\": \"%s\"}"
                        .formatted(customer, erasureId, Instant.now()))
                .post(AccountErasure.PATH).then();
    }

    /** Delivers what is due, as this service's relay does: the identity step reaches this service as a service. */
    void deliver() {
        asService("customer-service", () -> {
            while (relay.deliverDue() > 0) {
                // drain
            }
        });
    }

    static User customerUser(UUID customer) {
        return new User("kc-" + UUID.randomUUID(), customer.toString(), List.of("customer"));
    }

    @Test
    void erasureDeletesTheKeycloakAccountThroughTheOutboxAndRecordsItsCompletion() {
        UUID customer = newCustomer();
        User account = customerUser(customer);
        KeycloakStub.addUser(keycloak, account);

        String erasureId = erase(customer).statusCode(201)
                .body("services.service", equalTo(List.of("customer-service", "feedback-service", "keycloak",
                        "loyalty-service")))
                .body("services.find { it.service == 'keycloak' }.status", equalTo("PENDING"))
                .body("completed", equalTo(false))
                .extract().path("id");
        List<OutboxMessage> toKeycloak = outbox("erasure", erasureId).stream()
                .filter(m -> m.target.equals(AccountErasure.TARGET)).toList();
        assertThat(toKeycloak).singleElement().satisfies(m -> {
            assertThat(m.path).isEqualTo(AccountErasure.PATH);
            assertThat(json(m.payload).get("customerId").asText()).isEqualTo(customer.toString());
            assertThat(json(m.payload).get("erasureId").asText()).isEqualTo(erasureId);
        });
        assertThat(KeycloakStub.deleted(keycloak)).doesNotContain(account.id());

        deliver();
        assertThat(KeycloakStub.deleted(keycloak)).contains(account.id());
        erasure(customer).body("services.find { it.service == 'keycloak' }.status", equalTo("COMPLETED"))
                .body("completed", equalTo(true));
    }

    @Test
    void whileKeycloakIsDownTheAccountStepStaysPendingAndIsRetried() {
        UUID customer = newCustomer();
        User account = customerUser(customer);
        KeycloakStub.addUser(keycloak, account);
        KeycloakStub.answerWith(keycloak, 500);

        String erasureId = erase(customer).statusCode(201).extract().path("id");
        deliver();
        erasure(customer).body("services.find { it.service == 'keycloak' }.status", equalTo("PENDING"))
                .body("services.find { it.service == 'loyalty-service' }.status", equalTo("COMPLETED"))
                .body("completed", equalTo(false));
        assertThat(outbox("erasure", erasureId).stream().filter(m -> m.target.equals(AccountErasure.TARGET)))
                .singleElement().satisfies(m -> assertThat(m.lastStatus).isEqualTo(503));

        KeycloakStub.answerWith(keycloak, 200);
        clock.advance(Duration.ofMinutes(10));
        deliver();
        assertThat(KeycloakStub.deleted(keycloak)).contains(account.id());
        erasure(customer).body("completed", equalTo(true));
    }

    @Test
    void onlyTheCustomersOwnAccountIsDeletedNeverStaffOrPartnerUsers() {
        UUID customer = newCustomer();
        User own = customerUser(customer);
        User agent = new User("kc-agent-" + UUID.randomUUID(), customer.toString(), List.of("customer", "agent"));
        User partner = new User("kc-partner-" + UUID.randomUUID(), customer.toString(), List.of("partner"));
        // A loose search also finds another customer whose attribute merely contains this id.
        User lookalike = new User("kc-other-" + UUID.randomUUID(), customer + "-2", List.of("customer"));
        for (User user : List.of(own, agent, partner, lookalike)) {
            KeycloakStub.addUser(keycloak, user);
        }
        String erasureId = erase(customer).statusCode(201).extract().path("id");

        asService("customer-service", () -> eraseAccount(customer, erasureId).statusCode(204));
        assertThat(KeycloakStub.deleted(keycloak)).contains(own.id())
                .doesNotContain(agent.id(), partner.id(), lookalike.id());
    }

    @Test
    void anAccountAlreadyGoneIsDoneAndSendingItAgainChangesNothing() {
        UUID customer = newCustomer();
        User gone = customerUser(customer);
        KeycloakStub.addUser(keycloak, gone);
        KeycloakStub.vanish(keycloak, gone.id());
        String erasureId = erase(customer).statusCode(201).extract().path("id");
        asService("customer-service", () -> {
            eraseAccount(customer, erasureId).statusCode(204);
            eraseAccount(customer, erasureId).statusCode(204);
        });
        assertThat(KeycloakStub.deleted(keycloak)).doesNotContain(gone.id());
    }

    @Test
    void keycloakFailingIsA503ForTheRelayToRetry() {
        UUID customer = newCustomer();
        String erasureId = erase(customer).statusCode(201).extract().path("id");
        for (int status : List.of(500, 503, 403)) {
            KeycloakStub.answerWith(keycloak, status);
            asService("customer-service", () -> eraseAccount(customer, erasureId).statusCode(503)
                    .body("code", equalTo("identity-provider-unavailable")));
        }
    }

    @Test
    void onlyAServiceDeletesAndOnlyForAnErasedCustomer() {
        UUID customer = newCustomer();
        User account = customerUser(customer);
        KeycloakStub.addUser(keycloak, account);
        eraseAccount(customer, UUID.randomUUID().toString()).statusCode(403);
        TestCallers.asService("customer-service", () -> {
            eraseAccount(customer, UUID.randomUUID().toString()).statusCode(404).body("code", equalTo("erasure-not-found"));
            given().contentType(ContentType.JSON).body("{\"customerId\": \"%s\"}".formatted(customer))
                    .header(Idempotency.HEADER, "k-" + UUID.randomUUID()).post(AccountErasure.PATH).then().statusCode(400);
        });
        assertThat(KeycloakStub.deleted(keycloak)).doesNotContain(account.id());
    }
}
