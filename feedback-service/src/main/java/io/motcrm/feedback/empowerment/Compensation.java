package io.motcrm.feedback.empowerment;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The outbox message to loyalty-service (docs/contracts.md); loyalty grants once per {@code actionId}. */
@RegisterForReflection
public record Compensation(UUID actionId, UUID customerId, UUID caseId, long points, String reason) {

    public static final String TARGET = "loyalty-api";
    public static final String PATH = "/internal/v1/compensations";
}
