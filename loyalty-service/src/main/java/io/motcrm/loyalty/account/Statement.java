package io.motcrm.loyalty.account;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a customer's statement, newest first. */
public record Statement(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) int page,
        @Schema(required = true) int size,
        @Schema(required = true) long totalItems,
        @Schema(required = true) List<StatementLine> items) {
}
