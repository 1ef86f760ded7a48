package io.motcrm.loyalty.partner;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record PartnerView(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true) long pointValueMinor,
        @Schema(required = true) long earnMinorPerPoint,
        @Schema(required = true) Partner.Status status,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static PartnerView of(Partner partner) {
        return new PartnerView(partner.id, partner.name, partner.pointValueMinor, partner.earnMinorPerPoint,
                partner.status, partner.createdAt, partner.updatedAt);
    }
}
