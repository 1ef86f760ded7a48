package io.motcrm.loyalty.ledger;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One side of a transaction: a signed amount on one account (positive credits it). Append-only. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "transaction_id", nullable = false, updatable = false)
    public Long transactionId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    @Column(nullable = false, updatable = false)
    public long amount;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
