package io.motcrm.customer.audience;

import java.time.Instant;
import java.util.List;
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

/** A marketing contact made to a customer; counts against the contact-frequency cap. */
@Entity
@Table(name = "marketing_contact")
public class MarketingContact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public MarketingChannel channel;

    @Column(nullable = false, updatable = false)
    public String campaign;

    @Column(name = "contacted_at", nullable = false, updatable = false)
    public Instant contactedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    public static List<MarketingContact> of(UUID customerId) {
        return list("customerId = ?1 order by contactedAt, id", customerId);
    }
}
