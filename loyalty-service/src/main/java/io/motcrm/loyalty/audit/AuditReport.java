package io.motcrm.loyalty.audit;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The ledger audit's answer: whether every invariant holds, and for each how many rows break it. */
@RegisterForReflection
public record AuditReport(
        @Schema(required = true) Instant checkedAt,
        @Schema(required = true) boolean ok,
        @Schema(required = true) long transactions,
        @Schema(required = true) long entries,
        @Schema(required = true) List<Finding> invariants) {

    /** One invariant's result; {@code examples} names up to a few violating rows (ids or figures). */
    @RegisterForReflection
    @Schema(name = "AuditFinding")
    public record Finding(
            @Schema(required = true) String name,
            @Schema(required = true) String description,
            @Schema(required = true) long violations,
            @Schema(required = true) List<String> examples) {
    }
}
