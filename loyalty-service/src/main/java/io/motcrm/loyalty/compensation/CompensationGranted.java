package io.motcrm.loyalty.compensation;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a compensation: its transaction; {@code duplicate} when the action was already
 * granted; {@code customerErased} when the customer was erased (accepted, nothing granted).
 */
public record CompensationGranted(
        @Schema(required = true) UUID actionId,
        @Schema(required = true) UUID customerId,
        @Schema(required = true) UUID caseId,
        @Schema(required = true) long points,
        Long transactionId,
        @Schema(required = true) Instant grantedAt,
        @Schema(required = true) boolean duplicate,
        @Schema(required = true) boolean customerErased) {
}
