package io.motcrm.loyalty.account;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a customer's statement, newest first. {@code nextCursor} leads to the next page ({@code ?after=});
 * {@code page} and {@code size} echo the request ({@code size} is the page's limit, {@code page} 0 when paging by
 * cursor).
 */
public record Statement(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) int page,
        @Schema(required = true) int size,
        @Schema(required = true) long totalItems,
        @Schema(required = true) List<StatementLine> items,
        @Schema(description = "Pass as `after` for the next page; null on the last page") String nextCursor) {
}
