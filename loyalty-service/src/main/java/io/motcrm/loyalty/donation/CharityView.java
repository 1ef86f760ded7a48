package io.motcrm.loyalty.donation;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record CharityView(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true) Charity.Status status,
        @Schema(required = true) Instant createdAt) {

    static CharityView of(Charity charity) {
        return new CharityView(charity.id, charity.name, charity.status, charity.createdAt);
    }
}
