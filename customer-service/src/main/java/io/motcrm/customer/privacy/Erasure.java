package io.motcrm.customer.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer's erasure: done here at once, asked of the other services through the outbox. */
@Entity
@Table(name = "erasure")
public class Erasure extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false, updatable = false, unique = true)
    public UUID customerId;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;
}
