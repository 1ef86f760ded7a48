package io.motcrm.customer;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.motcrm.platform.idempotency.Idempotency;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Requests as tests send them (callers are switched with the platform's {@code TestCallers}). */
public final class Callers {

    public static final String PURPOSE = "complaint follow-up";

    private Callers() {
    }

    public static ValidatableResponse signUp(String body) {
        return signUp(UUID.randomUUID().toString(), body);
    }

    public static ValidatableResponse signUp(String key, String body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(body)
                .post("/api/v1/customers").then();
    }

    /** A new customer with a unique email and phone; returns the id. */
    public static UUID newCustomer() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String phone = "+8210" + String.format("%08d", Math.floorMod(unique.hashCode(), 100_000_000));
        String id = signUp("""
                {"name": "Kim Min-ji %s", "email": "minji.%s@example.com", "phone": "%s"}
                """.formatted(unique, unique, phone)).statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
