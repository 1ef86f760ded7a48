package io.motcrm.loyalty.donation;

import static io.motcrm.loyalty.Events.oldPurchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.balance;
import static io.motcrm.loyalty.Fixtures.charity;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.Problem;
import io.motcrm.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "agent-al", roles = { "service", "agent" })
class DonationTest {

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    static ValidatableResponse donate(UUID customer, String key, String charity, long points) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body("{\"charityId\": \"%s\", \"points\": %d}".formatted(charity, points))
                .post("/api/v1/loyalty/customers/" + customer + "/donations").then();
    }

    @Test
    void aCustomerDonatesToARegisteredCharityAndGetsAReceipt() {
        UUID customer = register();
        oldPurchase(customer, 10_000);
        String charity = charity();
        AtomicReference<String> donation = new AtomicReference<>();
        String key = key();
        asCustomer(customer, () -> {
            given().get("/api/v1/loyalty/charities").then().statusCode(200).body("id", hasItem(charity));
            donation.set(donate(customer, key, charity, 600).statusCode(201)
                    .body("points", equalTo(600)).body("charityId", equalTo(charity))
                    .body("receiptNumber", startsWith("D-"))
                    .extract().path("donationId"));
            donate(customer, key, charity, 600).statusCode(201).header(Idempotency.REPLAYED_HEADER, "true")
                    .body("donationId", equalTo(donation.get()));
            given().get("/api/v1/loyalty/customers/" + customer + "/donations/" + donation.get()).then().statusCode(200)
                    .body("points", equalTo(600));
        });
        balance(customer).body("posted", equalTo(1_000));
        asStaff("sup-sam", Roles.SUPERVISOR, () -> given().get("/api/v1/loyalty/charities/" + charity + "/statement")
                .then().statusCode(200).body("totalPoints", equalTo(600)).body("balance", equalTo(600))
                .body("lines", hasSize(1)).body("lines[0].points", equalTo(600)));
    }

    static ValidatableResponse donateMine(String key, String charity, long points) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body("{\"charityId\": \"%s\", \"points\": %d}".formatted(charity, points))
                .post("/api/v1/me/loyalty/donations").then();
    }

    @Test
    void aCustomerDonatesFromTheMeRoutesAndReadsTheReceiptThere() {
        UUID customer = register();
        UUID other = register();
        String charity = charity();
        AtomicReference<String> location = new AtomicReference<>();
        asCustomer(customer, () -> {
            location.set(donateMine(key(), charity, 200).statusCode(201)
                    .header("Location", containsString("/api/v1/me/loyalty/donations/"))
                    .body("customerId", equalTo(customer.toString()))
                    .body("points", equalTo(200))
                    .extract().header("Location"));
            given().get(location.get()).then().statusCode(200)
                    .body("points", equalTo(200)).body("charityId", equalTo(charity));
            donateMine(key(), "no-such-charity", 10).statusCode(404).body("code", equalTo("charity-not-found"));
        });
        // The receipt is the customer's own: another customer's /me finds nothing under its id.
        asCustomer(other, () -> given().get(location.get()).then().statusCode(404).body("code", equalTo("donation-not-found")));
        asStaff("agent-kim", Roles.AGENT, () -> {
            donateMine(key(), charity, 10).statusCode(403);
            given().get(location.get()).then().statusCode(403);
        });
        balance(customer).body("posted", equalTo(300));
        balance(other).body("posted", equalTo(500));
    }

    @Test
    void aCharityIsReadWhereItsRegistrationSaysAndListedForCustomersAndStaff() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicReference<String> location = new AtomicReference<>();
        asStaff("admin-ana", Roles.ADMIN, () -> location.set(given().contentType(ContentType.JSON)
                .header(Idempotency.HEADER, key())
                .body("{\"id\": \"%s\", \"name\": \"Food Bank\"}".formatted(id))
                .post("/api/v1/loyalty/charities").then().statusCode(201)
                .header("Location", endsWith("/api/v1/loyalty/charities/" + id))
                .extract().header("Location")));
        UUID customer = register();
        asCustomer(customer, () -> {
            given().get(location.get()).then().statusCode(200)
                    .body("id", equalTo(id)).body("name", equalTo("Food Bank")).body("status", equalTo("ACTIVE"));
            given().get("/api/v1/loyalty/charities/no-such-charity").then().statusCode(404)
                    .contentType(Problem.MEDIA_TYPE).body("code", equalTo("charity-not-found"));
        });
        given().get("/api/v1/loyalty/charities").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void badDonationsAreProblemsAndMoveNothing() {
        UUID customer = register();
        UUID other = register();
        String charity = charity();
        asCustomer(customer, () -> {
            donate(customer, key(), charity, 501).statusCode(422).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("insufficient-points"));
            donate(customer, key(), "no-such-charity", 10).statusCode(404).body("code", equalTo("charity-not-found"));
            donate(customer, key(), charity, 0).statusCode(400).body("code", equalTo("validation-failed"));
            donate(other, key(), charity, 10).statusCode(404).body("code", equalTo("not-found"));
            given().get("/api/v1/loyalty/customers/" + customer + "/donations/" + UUID.randomUUID()).then().statusCode(404)
                    .body("code", equalTo("donation-not-found"));
        });
        balance(customer).body("posted", equalTo(500));
        balance(other).body("posted", equalTo(500));
        asStaff("admin-ana", Roles.ADMIN, () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                .body("{\"id\": \"%s\", \"name\": \"Again\"}".formatted(charity))
                .post("/api/v1/loyalty/charities").then().statusCode(409).body("code", equalTo("charity-exists")));
        asCustomer(customer, () -> given().get("/api/v1/loyalty/charities/" + charity + "/statement").then().statusCode(403));
    }
}
