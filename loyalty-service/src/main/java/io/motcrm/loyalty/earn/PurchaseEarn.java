package io.motcrm.loyalty.earn;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a purchase earned, so that its returns can reverse it in proportion. One per purchase. */
@Entity
@Table(name = "purchase_earn")
public class PurchaseEarn extends PanacheEntityBase {

    @Id
    @Column(name = "purchase_id")
    public UUID purchaseId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    @Column(name = "total_minor", nullable = false, updatable = false)
    public long totalMinor;

    /** Points the rules gave, before the velocity limit. */
    @Column(name = "requested_points", nullable = false, updatable = false)
    public long requestedPoints;

    /** Points credited (base and first-purchase bonus). */
    @Column(name = "granted_points", nullable = false, updatable = false)
    public long grantedPoints;

    @Column(name = "first_purchase_bonus", nullable = false, updatable = false)
    public long firstPurchaseBonus;

    @Column(name = "returned_minor", nullable = false)
    public long returnedMinor;

    /** Points returns have taken back, or meant to (see {@link PurchaseReturn#unrecoveredPoints}). */
    @Column(name = "reversed_points", nullable = false)
    public long reversedPoints;

    @Column(name = "earn_transaction_id", updatable = false)
    public Long earnTransactionId;

    @Column(name = "bonus_transaction_id", updatable = false)
    public Long bonusTransactionId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    static boolean anyFor(UUID customerId) {
        return count("customerId", customerId) > 0;
    }
}
