package io.motcrm.customer.privacy;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One service's part of an erasure; completed when its outbox message was delivered. */
@Entity
@Table(name = "erasure_target")
@IdClass(ErasureTarget.Key.class)
public class ErasureTarget extends PanacheEntityBase {

    public enum Status {
        PENDING, COMPLETED,
        /** The message was dead-lettered; an operator's requeue puts it back to PENDING. */
        FAILED
    }

    @Id
    @Column(name = "erasure_id")
    public UUID erasureId;

    @Id
    public String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "completed_at")
    public Instant completedAt;

    public static List<ErasureTarget> of(UUID erasureId) {
        return list("erasureId = ?1 order by target", erasureId);
    }

    public static class Key implements Serializable {

        public UUID erasureId;
        public String target;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.erasureId, erasureId) && Objects.equals(k.target, target);
        }

        @Override
        public int hashCode() {
            return Objects.hash(erasureId, target);
        }
    }
}
