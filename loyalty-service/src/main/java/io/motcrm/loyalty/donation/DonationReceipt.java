package io.motcrm.loyalty.donation;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The receipt of a donation, as the customer keeps it. */
@RegisterForReflection
public record DonationReceipt(UUID donationId, String receiptNumber, UUID customerId, String charityId,
        String charityName, long points, long transactionId, Instant donatedAt) {
}
