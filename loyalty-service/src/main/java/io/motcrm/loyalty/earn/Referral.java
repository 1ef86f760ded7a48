package io.motcrm.loyalty.earn;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rewarded referral; one per referee. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    @Column(name = "referee_id")
    public UUID refereeId;

    @Column(name = "referrer_id", nullable = false, updatable = false)
    public UUID referrerId;

    @Column(name = "purchase_id", nullable = false, updatable = false)
    public UUID purchaseId;

    @Column(name = "points_each", nullable = false, updatable = false)
    public long pointsEach;

    @Column(name = "transaction_id", updatable = false)
    public Long transactionId;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
