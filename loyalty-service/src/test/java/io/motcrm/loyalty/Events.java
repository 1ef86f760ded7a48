package io.motcrm.loyalty;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.UUID;

import io.motcrm.platform.idempotency.Idempotency;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Sends customer-service's events the way its outbox relay does: JSON with an Idempotency-Key. */
public final class Events {

    private Events() {
    }

    public static String registered(UUID customerId) {
        return """
                {"customerId": "%s", "memberCode": "M-%s", "registeredAt": "%s"}
                """.formatted(customerId, customerId.toString().substring(0, 8), Instant.now());
    }

    /** A purchase of one line in the given category. */
    public static String purchase(UUID customerId, UUID purchaseId, Instant occurredAt, long totalMinor, String category) {
        return """
                {"customerId": "%s", "purchaseId": "%s", "occurredAt": "%s", "totalMinor": %d,
                 "lines": [{"sku": "SKU-1", "category": "%s", "quantity": 1, "unitPriceMinor": %d}]}
                """.formatted(customerId, purchaseId, occurredAt, totalMinor, category, totalMinor);
    }

    public static String returned(UUID customerId, UUID purchaseId, UUID returnId, long returnedMinor) {
        return """
                {"customerId": "%s", "purchaseId": "%s", "returnId": "%s", "returnedMinor": %d}
                """.formatted(customerId, purchaseId, returnId, returnedMinor);
    }

    public static ValidatableResponse post(String event, String key, String body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, key).body(body)
                .post("/internal/v1/events/" + event).then();
    }

    /** Registers a customer (new key) and expects the account to be opened. */
    public static UUID register() {
        UUID customerId = UUID.randomUUID();
        post("customer-registered", UUID.randomUUID().toString(), registered(customerId)).statusCode(200);
        return customerId;
    }

    /** Records a purchase made long enough ago that its points are no longer locked. */
    public static ValidatableResponse oldPurchase(UUID customerId, long totalMinor) {
        return post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customerId, UUID.randomUUID(), Instant.now().minusSeconds(60L * 86_400), totalMinor, "general"))
                .statusCode(200);
    }
}
