package io.motcrm.loyalty.partner;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A partner company: where customers redeem and earn points, settled monthly at its rate. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Schema(name = "PartnerStatus")
    public enum Status {
        ACTIVE, SUSPENDED
    }

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** What one point is worth in the partner's settlement, in minor currency units. */
    @Column(name = "point_value_minor", nullable = false)
    public long pointValueMinor;

    /** Minor units spent at the partner per point earned there (before the tier multiplier). */
    @Column(name = "earn_minor_per_point", nullable = false)
    public long earnMinorPerPoint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The partner's settlement account in the ledger. */
    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Partner> find(String id) {
        return findByIdOptional(id);
    }
}
