package io.motcrm.loyalty.partner;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A page of the active partners, by id. */
@RegisterForReflection
public record PartnerOfferPage(
        @Schema(required = true) List<PartnerOffer> items,
        @Schema(description = "Pass as `after` for the next page; null on the last page") String nextCursor) {
}
