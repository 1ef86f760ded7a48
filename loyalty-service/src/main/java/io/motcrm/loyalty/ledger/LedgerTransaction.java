package io.motcrm.loyalty.ledger;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One movement of points: a set of {@link LedgerEntry entries} summing to zero. Never changed once
 * written; a correction is a new transaction whose {@code reversesTransactionId} names this one.
 */
@Entity
@Table(name = "ledger_transaction")
public class LedgerTransaction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public TransactionKind kind;

    /** The cause, unique per kind: the same cause is never booked twice. */
    @Column(nullable = false, updatable = false)
    public String reference;

    @Column(name = "reverses_transaction_id", updatable = false)
    public Long reversesTransactionId;

    @Column(updatable = false)
    public String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public static Optional<LedgerTransaction> findByReference(TransactionKind kind, String reference) {
        return find("kind = ?1 and reference = ?2", kind, reference).firstResultOptional();
    }
}
