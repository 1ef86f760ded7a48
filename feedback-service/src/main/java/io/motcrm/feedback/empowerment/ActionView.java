package io.motcrm.feedback.empowerment;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record ActionView(UUID id, UUID caseId, ActionKind kind, long points, String note, ActionStatus status,
        String requestedBy, String requestedRole, Instant requestedAt, String decidedBy, String decisionReason,
        Instant decidedAt) {
}
