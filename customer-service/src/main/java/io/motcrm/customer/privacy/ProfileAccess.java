package io.motcrm.customer.privacy;

import java.time.Instant;
import java.util.UUID;

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
 * One entry of a customer's access log: a staff member's read of one section of the customer's data,
 * here or in another service (received as {@code AccessRecorded}), with who, when, why, and whether
 * contacts were shown in full. The stated purpose is free text: it is replaced by {@value #ERASED_PURPOSE}
 * when the customer is erased and by {@value #EXPIRED_PURPOSE} after {@code motcrm.retention.access-purpose};
 * the entry itself stays.
 */
@Entity
@Table(name = "profile_access")
public class ProfileAccess extends PanacheEntityBase {

    public enum Action {
        READ, UPDATE, SEARCH, EXPORT
    }

    /** The purpose of an entry of an erased customer. */
    public static final String ERASED_PURPOSE = "(erased)";
    /** The purpose of an entry older than the retention period of purposes. */
    public static final String EXPIRED_PURPOSE = "(expired)";

    /** What was read; the other services name their own (points, cases, feedback, ...). */
    public static final String PROFILE = "profile";
    public static final String PURCHASES = "purchases";
    public static final String INSIGHT = "insight";
    public static final String EXPORT = "export";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;

    @Column(name = "accessed_by", nullable = false, updatable = false)
    public String accessedBy;

    @Column(nullable = false, updatable = false)
    public String role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Action action;

    @Column(nullable = false, updatable = false)
    public String section;

    @Column(nullable = false, updatable = false)
    public String purpose;

    @Column(nullable = false, updatable = false)
    public boolean unmasked;

    @Column(name = "accessed_at", nullable = false, updatable = false)
    public Instant accessedAt;
}
