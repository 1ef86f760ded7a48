package io.motcrm.loyalty.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An active partner as customers see it: where their points can be used and earned, and at what rate. */
@RegisterForReflection
public record PartnerOffer(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true, description = "What one point is worth when redeemed there, in minor currency units")
        long pointValueMinor,
        @Schema(required = true, description = "Minor currency units spent there per point earned (before the tier "
                + "multiplier)")
        long earnMinorPerPoint) {

    static PartnerOffer of(Partner partner) {
        return new PartnerOffer(partner.id, partner.name, partner.pointValueMinor, partner.earnMinorPerPoint);
    }
}
