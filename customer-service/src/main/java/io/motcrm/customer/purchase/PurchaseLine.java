package io.motcrm.customer.purchase;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of a purchase; {@link #returnedQuantity} never exceeds {@link #quantity}. */
@Entity
@Table(name = "purchase_line")
@IdClass(PurchaseLine.Key.class)
public class PurchaseLine extends PanacheEntityBase {

    @Id
    @Column(name = "purchase_id")
    public UUID purchaseId;

    @Id
    @Column(name = "line_no")
    public int lineNo;

    @Column(nullable = false, updatable = false)
    public String sku;

    @Column(nullable = false, updatable = false)
    public String category;

    @Column(nullable = false, updatable = false)
    public int quantity;

    @Column(name = "unit_price_minor", nullable = false, updatable = false)
    public long unitPriceMinor;

    @Column(name = "returned_quantity", nullable = false)
    public int returnedQuantity;

    public int remaining() {
        return quantity - returnedQuantity;
    }

    public static List<PurchaseLine> of(UUID purchaseId) {
        return list("purchaseId = ?1 order by lineNo", purchaseId);
    }

    public static List<PurchaseLine> ofAll(Collection<UUID> purchaseIds) {
        return purchaseIds.isEmpty() ? List.of() : list("purchaseId in ?1 order by purchaseId, lineNo", purchaseIds);
    }

    public static class Key implements Serializable {

        public UUID purchaseId;
        public int lineNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.lineNo == lineNo && Objects.equals(k.purchaseId, purchaseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(purchaseId, lineNo);
        }
    }
}
