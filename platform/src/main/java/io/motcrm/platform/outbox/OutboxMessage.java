package io.motcrm.platform.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A call to another service that must not be lost, written in the same transaction as the state
 * change it reports and delivered afterwards by the {@link OutboxRelay}.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The receiving service: its base URL is {@code quarkus.rest-client.<target>.url}. */
    @Column(nullable = false)
    public String target;

    /** Path on the target the payload is POSTed to. */
    @Column(nullable = false)
    public String path;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    /** Messages with the same ordering key are delivered one after another, in id order. */
    @Column(name = "ordering_key", nullable = false)
    public String orderingKey;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    /** Sent as the {@code Idempotency-Key} of every attempt, so the receiver applies it once. */
    @Column(name = "idempotency_key", nullable = false, unique = true)
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutboxStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    MessageView view() {
        return new MessageView(id, target, path, aggregateType, aggregateId, status, attempts, lastStatus, lastError,
                createdAt, nextAttemptAt, deliveredAt);
    }
}
