package io.motcrm.feedback.empowerment;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@Schema(name = "CaseAction", description = "An action on a case; an approval request is an action PENDING_APPROVAL, "
        + "and `decidedBy`, `decisionReason`, `decidedAt` are set once a supervisor decides it")
public record ActionView(UUID id, UUID caseId, ActionKind kind, long points, String note, ActionStatus status,
        String requestedBy, String requestedRole, Instant requestedAt, String decidedBy, String decisionReason,
        Instant decidedAt) {
}
