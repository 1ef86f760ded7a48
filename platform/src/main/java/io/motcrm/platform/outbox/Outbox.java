package io.motcrm.platform.outbox;

import io.motcrm.platform.Persistence;
import io.quarkus.arc.properties.IfBuildProperty;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records a call to another service in the caller's transaction. If the transaction rolls back, the
 * call never happens; if it commits, the relay delivers it at least once, and the receiver's
 * idempotency makes the effect exactly once.
 */
@IfBuildProperty(name = Persistence.ENABLED, stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /**
     * @param target the receiving service's REST client config key, e.g. {@code loyalty-api}
     * @param path the receiving endpoint, e.g. {@code /internal/v1/events/purchase-recorded}
     * @param aggregateType what the message is about, e.g. {@code customer}
     * @param aggregateId which one; messages of one aggregate to one target keep their order
     * @param payload serialised as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage enqueue(String target, String path, String aggregateType, String aggregateId, Object payload) {
        OutboxMessage message = new OutboxMessage();
        message.target = target;
        message.path = path;
        message.aggregateType = aggregateType;
        message.aggregateId = aggregateId;
        message.orderingKey = target + '|' + aggregateType + '|' + aggregateId;
        message.payload = toJson(payload);
        message.idempotencyKey = "outbox-" + UUID.randomUUID();
        message.status = OutboxStatus.PENDING;
        message.attempts = 0;
        message.createdAt = clock.instant();
        message.nextAttemptAt = message.createdAt;
        message.persist();
        return message;
    }

    /**
     * The messages written about one aggregate, oldest first: lets a service show how far a
     * multi-service effect has got (e.g. an erasure: delivered to each target or not yet).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MessageView> messagesAbout(String aggregateType, String aggregateId) {
        return OutboxMessage.<OutboxMessage>list("aggregateType = ?1 and aggregateId = ?2 order by id",
                aggregateType, aggregateId).stream().map(OutboxMessage::view).toList();
    }

    private String toJson(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox payload cannot be serialised", e);
        }
    }
}
