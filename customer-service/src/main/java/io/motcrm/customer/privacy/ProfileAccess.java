package io.motcrm.customer.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A staff member's look at a customer's profile: who, when, why, and whether contacts were shown in full. */
@Entity
@Table(name = "profile_access")
public class ProfileAccess extends PanacheEntityBase {

    public enum Action {
        READ, UPDATE, SEARCH, EXPORT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;

    @Column(name = "accessed_by", nullable = false, updatable = false)
    public String accessedBy;

    @Column(nullable = false, updatable = false)
    public String role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Action action;

    @Column(nullable = false, updatable = false)
    public String purpose;

    @Column(nullable = false, updatable = false)
    public boolean unmasked;

    @Column(name = "accessed_at", nullable = false, updatable = false)
    public Instant accessedAt;
}
