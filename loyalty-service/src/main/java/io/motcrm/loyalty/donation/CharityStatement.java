package io.motcrm.loyalty.donation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Donations a charity received in a period, without donors' identities: receipt numbers and points. */
public record CharityStatement(
        @Schema(required = true) String charityId,
        @Schema(required = true) String charityName,
        @Schema(required = true) Instant from,
        @Schema(required = true) Instant to,
        @Schema(required = true) long totalPoints,
        @Schema(required = true) long donations,
        @Schema(required = true) long balance,
        @Schema(required = true) List<Line> lines) {

    @Schema(name = "CharityStatementLine")
    public record Line(
            @Schema(required = true) String receiptNumber,
            @Schema(required = true) long points,
            @Schema(required = true) long transactionId,
            @Schema(required = true) Instant donatedAt) {
    }
}
