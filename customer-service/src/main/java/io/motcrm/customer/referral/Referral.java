package io.motcrm.customer.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Who referred a customer; completed by the referee's first purchase. One per referee. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    @Column(name = "referee_id")
    public UUID refereeId;

    @Column(name = "referrer_id", nullable = false, updatable = false)
    public UUID referrerId;

    @Column(name = "linked_at", nullable = false, updatable = false)
    public Instant linkedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "purchase_id")
    public UUID purchaseId;

    public static List<Referral> byReferrer(UUID referrerId) {
        return list("referrerId = ?1 order by linkedAt, refereeId", referrerId);
    }
}
