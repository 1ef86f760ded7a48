package io.motcrm.loyalty.redemption;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A short-lived one-time code a customer shows at a partner's till to let it hold their points. */
@Entity
@Table(name = "redemption_code")
public class RedemptionCode extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    /** The most points a partner may hold with this code; none means the available balance. */
    @Column(name = "max_points", updatable = false)
    public Long maxPoints;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "redemption_id")
    public UUID redemptionId;
}
