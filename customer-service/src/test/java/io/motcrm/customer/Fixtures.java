package io.motcrm.customer;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.outbox.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Purchases, consents and outbox look-ups as the tests of several capabilities need them. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A purchase line: sku, category, quantity, unit price in minor units. */
    public record Line(String sku, String category, int quantity, long unitPriceMinor) {

        String json() {
            return "{\"sku\": \"%s\", \"category\": \"%s\", \"quantity\": %d, \"unitPriceMinor\": %d}"
                    .formatted(sku, category, quantity, unitPriceMinor);
        }
    }

    public static String purchaseBody(String orderId, Instant occurredAt, Line... lines) {
        List<String> json = new ArrayList<>();
        for (Line line : lines) {
            json.add(line.json());
        }
        return """
                {"source": "web-shop", "externalOrderId": "%s", "occurredAt": "%s", "channel": "WEB",
                 "touchpointCode": "web-checkout", "lines": [%s]}
                """.formatted(orderId, occurredAt, String.join(", ", json));
    }

    public static ValidatableResponse postPurchase(UUID customer, String body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(body).post("/api/v1/customers/" + customer + "/purchases").then();
    }

    /** Records a purchase (as the current caller, who must be allowed to) and returns its id. */
    public static UUID purchase(UUID customer, Instant occurredAt, Line... lines) {
        String id = postPurchase(customer, purchaseBody("order-" + UUID.randomUUID(), occurredAt, lines))
                .statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static ValidatableResponse consent(UUID customer, String purpose, boolean granted) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"purpose\": \"%s\", \"granted\": %s, \"channel\": \"APP\", \"policyVersion\": \"2026-01\"}"
                        .formatted(purpose, granted))
                .post("/api/v1/customers/" + customer + "/consents").then().statusCode(201);
    }

    /** The outbox messages about an aggregate, oldest first. */
    public static List<OutboxMessage> outbox(String aggregateType, Object aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage> list(
                "aggregateType = ?1 and aggregateId = ?2 order by id", aggregateType, aggregateId.toString()));
    }

    public static List<OutboxMessage> outbox(String aggregateType, Object aggregateId, String path) {
        return outbox(aggregateType, aggregateId).stream().filter(m -> m.path.equals(path)).toList();
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
