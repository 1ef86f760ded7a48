package io.motcrm.loyalty.redemption;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One of the customer's one-time codes and where it stands. */
@RegisterForReflection
public record RedemptionCodeView(
        @Schema(required = true) String code,
        @Schema(required = true) RedemptionCode.State state,
        @Schema(description = "The most points a partner may hold with it; none: the available balance") Long maxPoints,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant expiresAt,
        Instant usedAt,
        Instant revokedAt,
        @Schema(description = "The redemption it was used for") UUID redemptionId) {

    static RedemptionCodeView of(RedemptionCode code, Instant now) {
        return new RedemptionCodeView(code.code, code.stateAt(now), code.maxPoints, code.createdAt, code.expiresAt,
                code.usedAt, code.revokedAt, code.redemptionId);
    }
}
