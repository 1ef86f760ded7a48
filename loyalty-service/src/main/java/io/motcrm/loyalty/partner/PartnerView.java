package io.motcrm.loyalty.partner;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record PartnerView(String id, String name, long pointValueMinor, long earnMinorPerPoint, Partner.Status status,
        Instant createdAt, Instant updatedAt) {

    static PartnerView of(Partner partner) {
        return new PartnerView(partner.id, partner.name, partner.pointValueMinor, partner.earnMinorPerPoint,
                partner.status, partner.createdAt, partner.updatedAt);
    }
}
