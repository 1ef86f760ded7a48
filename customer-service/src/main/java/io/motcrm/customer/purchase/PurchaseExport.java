package io.motcrm.customer.purchase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A purchase in the privacy export, each fact once: what was bought and what was returned, and when.
 * The customer is the export's subject, so no customer id; sums are not repeated (the total is the lines'
 * quantity × unitPriceMinor, a line's returned quantity and the amount returned follow from the returns'
 * lines); an absent touchpoint and no returns are left out.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "ExportedPurchase", requiredProperties = { "id", "source", "externalOrderId", "occurredAt", "channel",
        "lines" })
public record PurchaseExport(UUID id, String source, String externalOrderId, Instant occurredAt,
        PurchaseChannel channel, String touchpointCode, List<Line> lines, List<Return> returns) {

    public record Line(int lineNo, String sku, String category, int quantity, long unitPriceMinor) {
    }

    public record Return(UUID id, Instant occurredAt, List<ReturnLine> lines) {
    }

    public record ReturnLine(int lineNo, int quantity) {
    }
}
