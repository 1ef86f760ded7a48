package io.motcrm.loyalty.account;

import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.PURPOSE;
import static io.motcrm.loyalty.Fixtures.authorize;
import static io.motcrm.loyalty.Fixtures.charity;
import static io.motcrm.loyalty.Fixtures.code;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.partner;
import static io.motcrm.loyalty.Fixtures.staffRead;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.platform.testing.TestCallers.asPartner;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The customer's own lists: donations, one-time codes (and revoking one), the partners where points work. */
@QuarkusTest
@TestSecurity(user = "agent-al", roles = { "service", "agent" })
class MyListsTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void checkLedger() {
        clock.reset();
        LedgerInvariants.check();
    }

    private static void donate(String charity, long points) {
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                .body("{\"charityId\": \"%s\", \"points\": %d}".formatted(charity, points))
                .post("/api/v1/me/loyalty/donations").then().statusCode(201);
    }

    @Test
    void myDonationsArePagedNewestFirstAndStaffReadThemWithAPurpose() {
        UUID customer = register();
        String charity = charity();
        asCustomer(customer, () -> {
            for (int points = 10; points <= 50; points += 10) {
                donate(charity, points);
            }
            List<Integer> seen = new ArrayList<>();
            String cursor = null;
            do {
                var request = given().queryParam("limit", 2);
                if (cursor != null) {
                    request.queryParam("after", cursor);
                }
                JsonPath page = request.get("/api/v1/me/loyalty/donations").then().statusCode(200)
                        .body("items.charityId", everyItem(equalTo(charity))).extract().jsonPath();
                seen.addAll(page.getList("items.points", Integer.class));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            assertThat(seen).containsExactly(50, 40, 30, 20, 10);

            given().queryParam("after", "not-a-cursor").get("/api/v1/me/loyalty/donations").then().statusCode(400)
                    .body("code", equalTo("invalid-cursor"));
            given().queryParam("limit", 0).get("/api/v1/me/loyalty/donations").then().statusCode(400)
                    .body("code", equalTo("validation-failed"));
        });
        given().get("/api/v1/loyalty/customers/" + customer + "/donations").then().statusCode(400)
                .body("code", equalTo("access-purpose-required"));
        staffRead().get("/api/v1/loyalty/customers/" + customer + "/donations").then().statusCode(200)
                .body("items", hasSize(5)).body("nextCursor", nullValue());
        staffRead().get("/api/v1/loyalty/customers/" + UUID.randomUUID() + "/donations").then().statusCode(404)
                .body("code", equalTo("account-not-found"));
    }

    @Test
    void myCodesShowTheirStateAndAnUnusedOneCanBeRevokedOnce() {
        UUID customer = register();
        String partner = partner(1, 100);
        String expired = code(customer, null);
        String used = code(customer, null);
        AtomicReference<String> redemption = new AtomicReference<>();
        asPartner(partner, () -> redemption.set(authorize(key(), used, 100).statusCode(201).extract().path("id")));
        clock.advance(Duration.ofMinutes(6));
        String revoked = code(customer, null);
        String active = code(customer, null);

        asCustomer(customer, () -> {
            given().header(Idempotency.HEADER, key()).post("/api/v1/me/loyalty/redemption-codes/" + revoked + "/revoke")
                    .then().statusCode(200).body("code", equalTo(revoked)).body("state", equalTo("REVOKED"))
                    .body("revokedAt", notNullValue());
            // Again, and in lower case, without a key: the same answer, nothing else changes.
            given().post("/api/v1/me/loyalty/redemption-codes/" + revoked.toLowerCase() + "/revoke")
                    .then().statusCode(200).body("state", equalTo("REVOKED"));
            given().post("/api/v1/me/loyalty/redemption-codes/" + used + "/revoke").then().statusCode(409)
                    .body("code", equalTo("redemption-code-used")).body("redemptionId", equalTo(redemption.get()));
            given().post("/api/v1/me/loyalty/redemption-codes/NOSUCHCODE/revoke").then().statusCode(404)
                    .body("code", equalTo("redemption-code-not-found"));

            JsonPath first = given().queryParam("limit", 3).get("/api/v1/me/loyalty/redemption-codes").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(first.getList("items.code", String.class)).containsExactly(active, revoked, used);
            assertThat(first.getList("items.state", String.class)).containsExactly("ACTIVE", "REVOKED", "USED");
            assertThat(first.getString("items[2].redemptionId")).isEqualTo(redemption.get());
            given().queryParam("after", first.getString("nextCursor")).get("/api/v1/me/loyalty/redemption-codes").then()
                    .statusCode(200).body("items.code", contains(expired)).body("items.state", contains("EXPIRED"))
                    .body("nextCursor", nullValue());
            given().get("/api/v1/me/loyalty/export").then().statusCode(200)
                    .body("redemptionCodes.find { it.code == '%s' }.state".formatted(revoked), equalTo("REVOKED"));
        });

        // Another customer cannot revoke this customer's code, and a partner cannot use a revoked one.
        UUID other = register();
        asCustomer(other, () -> given().post("/api/v1/me/loyalty/redemption-codes/" + active + "/revoke").then()
                .statusCode(404).body("code", equalTo("redemption-code-not-found")));
        asPartner(partner, () -> {
            authorize(key(), revoked, 10).statusCode(422).body("code", equalTo("redemption-code-revoked"));
            authorize(key(), active, 10).statusCode(201);
        });
    }

    @Test
    void customersSeeTheActivePartnersAndNothingInternal() {
        String listed = partner(7, 250);
        String suspended = partner(1, 100);
        asStaff("admin-ana", Roles.ADMIN, () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                .body("{\"name\": \"Gone\", \"pointValueMinor\": 1, \"earnMinorPerPoint\": 100, \"status\": \"SUSPENDED\"}")
                .put("/api/v1/loyalty/partners/" + suspended).then().statusCode(200));
        UUID customer = register();
        asCustomer(customer, () -> {
            List<String> ids = new ArrayList<>();
            String cursor = null;
            do {
                var request = given().queryParam("limit", 100);
                if (cursor != null) {
                    request.queryParam("after", cursor);
                }
                JsonPath page = request.get("/api/v1/me/loyalty/partners").then().statusCode(200)
                        .body("items", everyItem(not(hasKey("accountId")))).body("items", everyItem(not(hasKey("status"))))
                        .extract().jsonPath();
                ids.addAll(page.getList("items.id", String.class));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            assertThat(ids).contains(listed).doesNotContain(suspended).isSorted();
            given().queryParam("limit", 100).get("/api/v1/me/loyalty/partners").then().statusCode(200)
                    .body("items.find { it.id == '%s' }.pointValueMinor".formatted(listed), equalTo(7))
                    .body("items.find { it.id == '%s' }.earnMinorPerPoint".formatted(listed), equalTo(250))
                    .body("items.name", hasItem("Partner " + listed));
        });
        // Staff have their own partner list; the customer's route is for customers.
        given().header(StaffReads.PURPOSE_HEADER, PURPOSE).get("/api/v1/me/loyalty/partners").then().statusCode(403);
    }
}
