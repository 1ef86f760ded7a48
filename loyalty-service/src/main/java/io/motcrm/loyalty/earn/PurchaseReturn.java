package io.motcrm.loyalty.earn;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A return of (part of) a purchase and the points it took back. One per return. */
@Entity
@Table(name = "purchase_return")
public class PurchaseReturn extends PanacheEntityBase {

    @Id
    @Column(name = "return_id")
    public UUID returnId;

    @Column(name = "purchase_id", nullable = false, updatable = false)
    public UUID purchaseId;

    @Column(name = "returned_minor", nullable = false, updatable = false)
    public long returnedMinor;

    @Column(name = "reversed_points", nullable = false, updatable = false)
    public long reversedPoints;

    /** Points the return should have taken back but could not, because the customer had spent them. */
    @Column(name = "unrecovered_points", nullable = false, updatable = false)
    public long unrecoveredPoints;

    /** The REVERSAL transaction; none when the return took back no points. */
    @Column(name = "transaction_id", updatable = false)
    public Long transactionId;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
