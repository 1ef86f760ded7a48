package io.motcrm.loyalty.consent;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The customer's latest known {@code partner_sharing} choice, by the time they made it. Kept for customers whose
 * account is not open yet too (the event may come first); deleted at erasure.
 */
@Entity
@Table(name = "partner_sharing_consent")
public class PartnerSharingConsent extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Column(nullable = false)
    public boolean granted;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
