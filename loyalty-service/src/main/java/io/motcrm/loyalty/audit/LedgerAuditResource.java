package io.motcrm.loyalty.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;
import io.quarkus.logging.Log;

/** Operators ask whether the ledger is whole: after an incident, a restore, or on a schedule. */
@Path("/api/v1/loyalty/ledger/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operator")
public class LedgerAuditResource {

    @Inject
    LedgerAudit audit;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "auditLedger", summary = "Check every ledger invariant on one consistent snapshot",
            description = "Read-only. Scans the whole ledger, so call it for audits, not on every request.")
    public AuditReport run() {
        AuditReport report = audit.run();
        Log.infof("Ledger audit by %s: ok=%s over %d transactions", caller.name(), report.ok(),
                report.transactions());
        return report;
    }
}
