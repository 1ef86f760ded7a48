package io.motcrm.customer.purchase;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Goods returned against a purchase; its lines say which and how many. */
@Entity
@Table(name = "purchase_return")
public class PurchaseReturn extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "purchase_id", nullable = false, updatable = false)
    public UUID purchaseId;

    @Column(name = "returned_minor", nullable = false, updatable = false)
    public long returnedMinor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    public static List<PurchaseReturn> ofAll(Collection<UUID> purchaseIds) {
        return purchaseIds.isEmpty() ? List.of() : list("purchaseId in ?1 order by occurredAt, id", purchaseIds);
    }
}
