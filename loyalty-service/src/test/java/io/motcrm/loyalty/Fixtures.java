package io.motcrm.loyalty;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestCallers;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Set-up steps shared by the tests, each made as the caller who makes it in production (an admin
 * registers partners and charities, a customer asks for a code). Needs {@code @TestSecurity} on the test.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** A new active partner with the given point value and earn rate; returns its id. */
    public static String partner(long pointValueMinor, long earnMinorPerPoint) {
        String id = "p-" + UUID.randomUUID().toString().substring(0, 8);
        TestCallers.asStaff("admin-ana", Roles.ADMIN, () -> given().contentType(ContentType.JSON)
                .header(Idempotency.HEADER, key())
                .body("""
                        {"id": "%s", "name": "Partner %s", "pointValueMinor": %d, "earnMinorPerPoint": %d}
                        """.formatted(id, id, pointValueMinor, earnMinorPerPoint))
                .post("/api/v1/loyalty/partners").then().statusCode(201));
        return id;
    }

    public static String charity() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        TestCallers.asStaff("admin-ana", Roles.ADMIN, () -> given().contentType(ContentType.JSON)
                .header(Idempotency.HEADER, key())
                .body("{\"id\": \"%s\", \"name\": \"Charity %s\"}".formatted(id, id))
                .post("/api/v1/loyalty/charities").then().statusCode(201));
        return id;
    }

    /** A one-time code the customer made (capped when {@code maxPoints} is not null). */
    public static String code(UUID customer, Long maxPoints) {
        AtomicReference<String> code = new AtomicReference<>();
        TestCallers.asCustomer(customer, () -> code.set(given().contentType(ContentType.JSON)
                .header(Idempotency.HEADER, key())
                .body(maxPoints == null ? "{}" : "{\"maxPoints\": %d}".formatted(maxPoints))
                .post("/api/v1/loyalty/customers/" + customer + "/redemption-codes")
                .then().statusCode(201).extract().path("code")));
        return code.get();
    }

    public static ValidatableResponse authorize(String key, String code, long points) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body("{\"code\": \"%s\", \"points\": %d, \"reference\": \"till-%s\"}".formatted(code, points, key))
                .post("/partner/v1/redemptions").then();
    }

    public static ValidatableResponse capture(String redemption, String key, Long points) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body(points == null ? "{}" : "{\"points\": %d}".formatted(points))
                .post("/partner/v1/redemptions/" + redemption + "/capture").then();
    }

    public static ValidatableResponse voidHold(String redemption, String key) {
        return given().header(Idempotency.HEADER, key).post("/partner/v1/redemptions/" + redemption + "/void").then();
    }

    public static ValidatableResponse refund(String redemption, String key, long points) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key)
                .body("{\"points\": %d, \"reference\": \"refund-%s\"}".formatted(points, key))
                .post("/partner/v1/redemptions/" + redemption + "/refunds").then();
    }

    /** The purpose used for staff reads in tests. */
    public static final String PURPOSE = "loyalty-service test";

    /** A request as staff make it to read a customer's data: with a purpose (StaffReads). */
    public static RequestSpecification staffRead() {
        return given().header(StaffReads.PURPOSE_HEADER, PURPOSE);
    }

    /** The customer's balance, read as staff (the tests' default caller). */
    public static ValidatableResponse balance(UUID customer) {
        return staffRead().get("/api/v1/loyalty/customers/" + customer + "/balance").then().statusCode(200);
    }
}
