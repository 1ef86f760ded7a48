package io.motcrm.loyalty.partner;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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

/**
 * Points moved between a customer and a partner's settlement account: a capture or refund of a
 * redemption, or a partner earn. The lines of the monthly settlement statement. Append-only.
 */
@Entity
@Table(name = "partner_movement")
public class PartnerMovement extends PanacheEntityBase {

    @Schema(name = "SettlementLineKind")
    public enum Kind {
        CAPTURE, REFUND, EARN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public String partnerId;

    @Column(name = "redemption_id", updatable = false)
    public UUID redemptionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Kind kind;

    @Column(nullable = false, updatable = false)
    public long points;

    /** The partner's reference (its receipt or order number) or, for a refund, the refund's. */
    @Column(nullable = false, updatable = false)
    public String reference;

    /** The purchase amount of an earn (null on captures and refunds). */
    @Column(name = "amount_minor", updatable = false)
    public Long amountMinor;

    @Column(name = "transaction_id", nullable = false, updatable = false)
    public Long transactionId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public static Optional<PartnerMovement> earn(String partnerId, String reference) {
        return find("partnerId = ?1 and kind = ?2 and reference = ?3", partnerId, Kind.EARN, reference)
                .firstResultOptional();
    }
}
