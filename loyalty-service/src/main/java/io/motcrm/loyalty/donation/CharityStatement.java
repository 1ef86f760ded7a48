package io.motcrm.loyalty.donation;

import java.time.Instant;
import java.util.List;

/** Donations a charity received in a period, without donors' identities: receipt numbers and points. */
public record CharityStatement(String charityId, String charityName, Instant from, Instant to, long totalPoints,
        long donations, long balance, List<Line> lines) {

    public record Line(String receiptNumber, long points, long transactionId, Instant donatedAt) {
    }
}
