package io.motcrm.loyalty.compensation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Points granted for a case action, at most once per action. */
@Entity
@Table(name = "compensation")
public class Compensation extends PanacheEntityBase {

    @Id
    @Column(name = "action_id")
    public UUID actionId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Column(nullable = false, updatable = false)
    public long points;

    @Column(updatable = false)
    public String reason;

    @Column(name = "transaction_id", nullable = false, updatable = false)
    public Long transactionId;

    @Column(name = "granted_at", nullable = false, updatable = false)
    public Instant grantedAt;

    public static List<Compensation> ofAccount(long accountId) {
        return list("accountId = ?1 order by grantedAt", accountId);
    }
}
