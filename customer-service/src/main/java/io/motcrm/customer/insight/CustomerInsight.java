package io.motcrm.customer.insight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer's computed insight; written only by the SQL in {@link Insights}. */
@Entity
@Table(name = "customer_insight")
public class CustomerInsight extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "recency_score")
    public Short recencyScore;

    @Column(name = "frequency_score")
    public Short frequencyScore;

    @Column(name = "monetary_score")
    public Short monetaryScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage", nullable = false)
    public LifecycleStage lifecycleStage;

    @Column(name = "purchase_count", nullable = false)
    public int purchaseCount;

    @Column(name = "net_spend_minor", nullable = false)
    public long netSpendMinor;

    @Column(name = "first_purchase_at")
    public Instant firstPurchaseAt;

    @Column(name = "last_purchase_at")
    public Instant lastPurchaseAt;

    @Column(name = "lifetime_value_minor", nullable = false)
    public long lifetimeValueMinor;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "top_categories", nullable = false)
    public List<String> topCategories;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;
}
