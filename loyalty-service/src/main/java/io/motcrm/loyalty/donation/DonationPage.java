package io.motcrm.loyalty.donation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A page of a customer's donation receipts, newest first. */
@RegisterForReflection
public record DonationPage(
        @Schema(required = true) List<DonationReceipt> items,
        @Schema(description = "Pass as `after` for the next page; null on the last page") String nextCursor) {
}
