package io.motcrm.loyalty.redemption;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A short-lived one-time code a customer shows at a partner's till to let it hold their points. The customer can
 * revoke it while unused.
 */
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

    /** When the customer revoked it, unused; a revoked code can no longer be used. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Schema(name = "RedemptionCodeState")
    public enum State {
        /** Can be used now. */
        ACTIVE,
        /** Used by a partner for a redemption. */
        USED,
        /** Its lifetime ended unused. */
        EXPIRED,
        /** The customer revoked it unused. */
        REVOKED
    }

    /** The code's state at {@code now}: used or revoked stays so; otherwise active until it expires. */
    public State stateAt(Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return expiresAt.isAfter(now) ? State.ACTIVE : State.EXPIRED;
    }
}
