package io.motcrm.feedback.empowerment;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@Schema(name = "CaseAction", description = "An action on a case; an approval request is an action PENDING_APPROVAL, "
        + "and `decidedBy`, `decisionReason`, `decidedAt` are set once a supervisor decides it")
public record ActionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID caseId,
        @Schema(required = true) ActionKind kind,
        @Schema(required = true) long points,
        String note,
        @Schema(required = true) ActionStatus status,
        @Schema(required = true) String requestedBy,
        @Schema(required = true) String requestedRole,
        @Schema(required = true) Instant requestedAt,
        String decidedBy,
        String decisionReason,
        Instant decidedAt) {
}
