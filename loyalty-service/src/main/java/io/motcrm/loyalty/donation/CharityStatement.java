package io.motcrm.loyalty.donation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Donations a charity received in a period, without donors' identities: receipt numbers and points. */
public record CharityStatement(String charityId, String charityName, Instant from, Instant to, long totalPoints,
        long donations, long balance, List<Line> lines) {

    @Schema(name = "CharityStatementLine")
    public record Line(String receiptNumber, long points, long transactionId, Instant donatedAt) {
    }
}
