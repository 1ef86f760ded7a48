package io.motcrm.loyalty.donation;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The receipt of a donation, as the customer keeps it. */
@RegisterForReflection
public record DonationReceipt(
        @Schema(required = true) UUID donationId,
        @Schema(required = true) String receiptNumber,
        @Schema(required = true) UUID customerId,
        @Schema(required = true) String charityId,
        @Schema(required = true) String charityName,
        @Schema(required = true) long points,
        @Schema(required = true) long transactionId,
        @Schema(required = true) Instant donatedAt) {
}
