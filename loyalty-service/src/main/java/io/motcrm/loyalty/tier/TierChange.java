package io.motcrm.loyalty.tier;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a customer's tier, kept for the tier history. Append-only. */
@Entity
@Table(name = "tier_change")
public class TierChange extends PanacheEntityBase {

    @Schema(name = "TierChangeReason")
    public enum Reason {
        UPGRADE, DOWNGRADE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_tier", nullable = false, updatable = false)
    public Tier fromTier;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_tier", nullable = false, updatable = false)
    public Tier toTier;

    /** Points earned over the 12 months before the change. */
    @Column(nullable = false, updatable = false)
    public long qualifying;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Reason reason;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public Instant changedAt;

    public static List<TierChange> of(long accountId) {
        return list("accountId = ?1 order by id", accountId);
    }
}
