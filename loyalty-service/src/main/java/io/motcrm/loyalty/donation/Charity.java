package io.motcrm.loyalty.donation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registered charity customers can donate points to; donations land on its ledger account. */
@Entity
@Table(name = "charity")
public class Charity extends PanacheEntityBase {

    @Schema(name = "CharityStatus")
    public enum Status {
        ACTIVE, RETIRED
    }

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
