package io.motcrm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.motcrm.loyalty.audit.AuditReport;
import io.motcrm.loyalty.audit.LedgerAudit;
import io.quarkus.arc.Arc;

/** Asserts that the ledger audit, which operators run in production, finds nothing wrong. */
public final class LedgerInvariants {

    private LedgerInvariants() {
    }

    public static void check() {
        AuditReport report = Arc.container().instance(LedgerAudit.class).get().run();
        assertThat(report.invariants()).as("ledger invariants violated")
                .filteredOn(finding -> finding.violations() > 0).isEmpty();
        assertThat(report.ok()).isTrue();
    }
}
