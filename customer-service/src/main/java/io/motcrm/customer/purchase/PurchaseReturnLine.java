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

@Entity
@Table(name = "purchase_return_line")
@IdClass(PurchaseReturnLine.Key.class)
public class PurchaseReturnLine extends PanacheEntityBase {

    @Id
    @Column(name = "return_id")
    public UUID returnId;

    @Id
    @Column(name = "line_no")
    public int lineNo;

    @Column(name = "purchase_id", nullable = false, updatable = false)
    public UUID purchaseId;

    @Column(nullable = false, updatable = false)
    public int quantity;

    public static List<PurchaseReturnLine> ofAll(Collection<UUID> returnIds) {
        return returnIds.isEmpty() ? List.of() : list("returnId in ?1 order by returnId, lineNo", returnIds);
    }

    public static class Key implements Serializable {

        public UUID returnId;
        public int lineNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.lineNo == lineNo && Objects.equals(k.returnId, returnId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(returnId, lineNo);
        }
    }
}
