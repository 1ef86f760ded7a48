package io.motcrm.loyalty.redemption;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A page of the customer's one-time codes, newest first. */
@RegisterForReflection
public record RedemptionCodePage(
        @Schema(required = true) List<RedemptionCodeView> items,
        @Schema(description = "Pass as `after` for the next page; null on the last page") String nextCursor) {
}
