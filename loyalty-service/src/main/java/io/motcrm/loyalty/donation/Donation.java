package io.motcrm.loyalty.donation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Points a customer gave to a charity: a DONATION transaction, with a receipt number. */
@Entity
@Table(name = "donation")
public class Donation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "receipt_number", nullable = false, updatable = false)
    public String receiptNumber;

    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    @Column(name = "charity_id", nullable = false, updatable = false)
    public String charityId;

    @Column(nullable = false, updatable = false)
    public long points;

    @Column(name = "transaction_id", nullable = false, updatable = false)
    public Long transactionId;

    @Column(name = "donated_at", nullable = false, updatable = false)
    public Instant donatedAt;

    public static List<Donation> ofAccount(long accountId) {
        return list("accountId = ?1 order by donatedAt", accountId);
    }
}
