package io.motcrm.loyalty.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Points a transaction took out of a lot (spent, expired or reversed). Append-only. */
@Entity
@Table(name = "lot_consumption")
public class LotConsumption extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "lot_id", nullable = false, updatable = false)
    public Long lotId;

    @Column(name = "transaction_id", nullable = false, updatable = false)
    public Long transactionId;

    @Column(nullable = false, updatable = false)
    public long points;
}
