package io.motcrm.loyalty.audit;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The ledger audit's answer: whether every invariant holds, and for each how many rows break it. */
@RegisterForReflection
public record AuditReport(Instant checkedAt, boolean ok, long transactions, long entries, List<Finding> invariants) {

    /** One invariant's result; {@code examples} names up to a few violating rows (ids or figures). */
    @RegisterForReflection
    @Schema(name = "AuditFinding")
    public record Finding(String name, String description, long violations, List<String> examples) {
    }
}
