package io.motcrm.loyalty.redemption;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A redemption as the partner sees it: what is held, captured and refunded, and who it is for only as far as
 * the customer allows: the partner's own pseudonymous reference for the customer, and the member code only with
 * the customer's {@code partner_sharing} consent. Nothing about the rest of the customer's points.
 * {@code transactionId}: the ledger transaction of the step that produced this answer.
 */
@RegisterForReflection
public record RedemptionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String partnerId,
        @Schema(description = "This partner's pseudonymous reference for the customer (`pr_` and 24 characters): the "
                + "same in every answer to this partner, different at every other partner. Null once the customer's "
                + "account is closed (erased).")
        String customerReference,
        @Schema(description = "The customer's member code, present only while the customer consents to sharing it "
                + "with partners (`partner_sharing`); null without that consent (a withdrawal applies from the next "
                + "answer) and once the account is closed.")
        String memberCode,
        @Schema(description = "The partner's own reference sent with the authorization")
        String reference,
        @Schema(required = true) Redemption.Status status,
        @Schema(required = true) long authorizedPoints,
        @Schema(required = true) long capturedPoints,
        @Schema(required = true) long refundedPoints,
        @Schema(required = true) Instant expiresAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long transactionId) {
}
