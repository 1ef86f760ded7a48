package io.motcrm.feedback.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The record that an erasure was applied here; a repeated event finds it and changes nothing. */
@Entity
@Table(name = "erasure")
public class Erasure extends PanacheEntityBase {

    @Id
    @Column(name = "erasure_id")
    public UUID erasureId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "feedback_redacted", nullable = false)
    public int feedbackRedacted;

    @Column(name = "cases_unlinked", nullable = false)
    public int casesUnlinked;
}
