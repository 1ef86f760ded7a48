package io.motcrm.loyalty.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An erasure received: kept without personal data so a late registration cannot reopen the account. */
@Entity
@Table(name = "erasure")
public class Erasure extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "erasure_id", nullable = false, updatable = false)
    public UUID erasureId;

    @Column(name = "account_id", updatable = false)
    public Long accountId;

    @Column(name = "forfeited_points", nullable = false, updatable = false)
    public long forfeitedPoints;

    @Column(name = "erased_at", nullable = false, updatable = false)
    public Instant erasedAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    /** Whether the customer was erased: their later events are accepted and book nothing. */
    public static boolean erased(java.util.UUID customerId) {
        return findById(customerId) != null;
    }
}
