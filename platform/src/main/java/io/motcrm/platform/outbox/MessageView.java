package io.motcrm.platform.outbox;

import java.time.Instant;

/** An outbox message as operators see it: everything but the payload, which may carry personal data. */
public record MessageView(long id, String target, String path, String aggregateType, String aggregateId,
        OutboxStatus status, int attempts, Integer lastStatus, String lastError, Instant createdAt,
        Instant nextAttemptAt, Instant deliveredAt) {
}
