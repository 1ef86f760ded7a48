package io.motcrm.customer.purchase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A purchase as the API shows it, with its lines and the returns made against it. */
@RegisterForReflection
@Schema(requiredProperties = { "id", "customerId", "source", "externalOrderId", "occurredAt", "channel", "totalMinor",
        "returnedMinor", "lines", "returns" })
public record PurchaseView(
        UUID id,
        UUID customerId,
        String source,
        String externalOrderId,
        Instant occurredAt,
        PurchaseChannel channel,
        String touchpointCode,
        long totalMinor,
        long returnedMinor,
        List<LineView> lines,
        List<ReturnView> returns) {

    public record LineView(int lineNo, String sku, String category, int quantity, long unitPriceMinor,
            int returnedQuantity) {

        static LineView of(PurchaseLine l) {
            return new LineView(l.lineNo, l.sku, l.category, l.quantity, l.unitPriceMinor, l.returnedQuantity);
        }
    }

    public record ReturnView(UUID id, long returnedMinor, Instant occurredAt, List<ReturnLineView> lines) {
    }

    public record ReturnLineView(int lineNo, int quantity) {
    }

    /** One page of a customer's purchases, newest first; {@code nextCursor} is null on the last page. */
    @Schema(name = "PurchasePage", requiredProperties = { "items" })
    public record Page(List<PurchaseView> items,
            @Schema(description = "Pass as 'after' for the next page; null on the last page") String nextCursor) {
    }
}
