package io.motcrm.customer.purchase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The messages to loyalty-service about purchases (docs/contracts.md), sent through the outbox. */
public final class PurchaseEvents {

    static final String TARGET = "loyalty-api";
    static final String RECORDED_PATH = "/internal/v1/events/purchase-recorded";
    static final String RETURNED_PATH = "/internal/v1/events/purchase-returned";

    private PurchaseEvents() {
    }

    @RegisterForReflection
    public record Recorded(UUID customerId, UUID purchaseId, Instant occurredAt, long totalMinor, List<Line> lines) {
    }

    @RegisterForReflection
    public record Line(String sku, String category, int quantity, long unitPriceMinor) {
    }

    @RegisterForReflection
    public record Returned(UUID customerId, UUID purchaseId, UUID returnId, long returnedMinor) {
    }
}
