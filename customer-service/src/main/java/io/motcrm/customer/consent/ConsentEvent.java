package io.motcrm.customer.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A consent given or withdrawn. Append-only: never updated or deleted. */
@Entity
@Table(name = "consent_event")
public class ConsentEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @NotNull
    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Purpose purpose;

    @Column(nullable = false, updatable = false)
    public boolean granted;

    @NotNull
    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public SourceChannel channel;

    @NotNull
    @Size(min = 1, max = 40)
    @Column(name = "policy_version", nullable = false, updatable = false)
    public String policyVersion;

    /** The principal that recorded it: the customer, or the staff member acting for them. */
    @NotNull
    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    /** Oldest first. */
    public static List<ConsentEvent> history(UUID customerId) {
        return list("customerId = ?1 order by occurredAt, id", customerId);
    }
}
