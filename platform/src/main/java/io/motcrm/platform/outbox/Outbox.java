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

    /**
     * For an erasure: in every message whose payload mentions {@code value} (pending, delivered or
     * dead), sets the named top-level payload members to null and clears the last error text, which may
     * quote the receiver's answer. Ids and amounts stay, so pending messages still have their effect.
     *
     * @return how many messages were changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redactMentioning(String value, java.util.Collection<String> fields) {
        List<OutboxMessage> messages = OutboxMessage.list("locate(?1, payload) > 0", value);
        int changed = 0;
        for (OutboxMessage message : messages) {
            String redacted = redact(message.payload, fields);
            if (!redacted.equals(message.payload) || message.lastError != null) {
                message.payload = redacted;
                message.lastError = null;
                changed++;
            }
        }
        return changed;
    }

    private String redact(String payload, java.util.Collection<String> fields) {
        try {
            var tree = mapper.readTree(payload);
            if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                for (String field : fields) {
                    if (object.has(field)) {
                        object.putNull(field);
                    }
                }
                return mapper.writeValueAsString(object);
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An outbox payload is not JSON", e);
        }
    }

    private String toJson(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox payload cannot be serialised", e);
        }
    }
}
