package io.motcrm.customer.purchase;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A purchase as recorded once per source and external order id; {@link #returnedMinor} grows with returns. */
@Entity
@Table(name = "purchase")
public class Purchase extends PanacheEntityBase {

    @Id
    public UUID id;

    @NotNull
    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;

    @NotNull
    @Column(nullable = false, updatable = false)
    public String source;

    @NotNull
    @Column(name = "external_order_id", nullable = false, updatable = false)
    public String externalOrderId;

    @NotNull
    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public PurchaseChannel channel;

    @Column(name = "touchpoint_code", updatable = false)
    public String touchpointCode;

    @Column(name = "total_minor", nullable = false, updatable = false)
    public long totalMinor;

    @Column(name = "returned_minor", nullable = false)
    public long returnedMinor;

    @NotNull
    @Column(name = "request_hash", nullable = false, updatable = false)
    public String requestHash;

    @NotNull
    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
