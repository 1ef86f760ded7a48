package io.motcrm.loyalty.earn;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a purchase-returned event: points taken back by a REVERSAL transaction linked to the
 * purchase's earn. {@code unrecoveredPoints} should have been taken back but the customer had
 * already spent them; a balance never goes below zero.
 */
public record ReturnReversed(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) UUID purchaseId,
        @Schema(required = true) UUID returnId,
        @Schema(required = true) long reversedPoints,
        @Schema(required = true) long unrecoveredPoints,
        Long transactionId,
        Long reversesTransactionId,
        @Schema(required = true) boolean duplicate,
        @Schema(required = true) boolean customerErased) {

    /** The answer to a return of an erased customer: accepted, nothing taken (the points were forfeited). */
    static ReturnReversed ofErasedCustomer(UUID customerId, UUID purchaseId, UUID returnId) {
        return new ReturnReversed(customerId, purchaseId, returnId, 0, 0, null, null, false, true);
    }
}
