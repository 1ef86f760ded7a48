package io.motcrm.loyalty.redemption;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A two-phase redemption at a partner: PENDING (points held) until captured (all or part; the rest
 * goes back), voided, or released by the expiry job (EXPIRED). Captured points can be refunded, in
 * parts, up to what was captured. Changed only under the customer account's lock. A pending hold past its
 * timeout reads EXPIRED at once ({@link #statusAt}); the stored status follows when the job releases it.
 */
@Entity
@Table(name = "redemption")
public class Redemption extends PanacheEntityBase {

    @Schema(name = "RedemptionStatus")
    public enum Status {
        PENDING, CAPTURED, VOIDED, EXPIRED
    }

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    /** The one-time code used; forgotten (null) at erasure and after the codes' retention. */
    @Column(updatable = false)
    public String code;

    @Column(name = "partner_reference", updatable = false)
    public String partnerReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "authorized_points", nullable = false, updatable = false)
    public long authorizedPoints;

    @Column(name = "captured_points", nullable = false)
    public long capturedPoints;

    @Column(name = "refunded_points", nullable = false)
    public long refundedPoints;

    @Column(name = "hold_transaction_id", nullable = false, updatable = false)
    public Long holdTransactionId;

    /** Points that come back get a lot expiring here: the latest expiry of the lots the hold took. */
    @Column(name = "restore_expires_at", nullable = false, updatable = false)
    public Instant restoreExpiresAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The state as read at {@code now}: a hold past its {@code expiresAt} is EXPIRED even while the release job
     * has not yet given its points back (that job still books the release and stores the state). Every read of a
     * redemption answers this, never the stored {@code status} alone.
     */
    public Status statusAt(Instant now) {
        return status == Status.PENDING && !expiresAt.isAfter(now) ? Status.EXPIRED : status;
    }
}
