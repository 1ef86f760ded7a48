package io.motcrm.loyalty.redemption;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A one-time code to show at a partner; it works once, until {@code expiresAt}. */
@RegisterForReflection
public record CodeIssued(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) String code,
        Long maxPoints,
        @Schema(required = true) Instant expiresAt) {
}
