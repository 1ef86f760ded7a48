package io.motcrm.loyalty.compensation;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a compensation: its transaction; {@code duplicate} when the action was already
 * granted; {@code customerErased} when the customer was erased (accepted, nothing granted).
 */
public record CompensationGranted(UUID actionId, UUID customerId, UUID caseId, long points, Long transactionId,
        Instant grantedAt, boolean duplicate, boolean customerErased) {
}
