package io.motcrm.feedback.empowerment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An action on a case; a compensation above the requester's authority is also an approval request. */
@Entity
@Table(name = "case_action")
public class CaseAction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionKind kind;

    @Column(nullable = false)
    public long points;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionStatus status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_role", nullable = false)
    public String requestedRole;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public static List<CaseAction> of(UUID caseId) {
        return list("caseId = ?1 order by requestedAt, id", caseId);
    }

    public ActionView view() {
        return new ActionView(id, caseId, kind, points, note, status, requestedBy, requestedRole, requestedAt,
                decidedBy, decisionReason, decidedAt, null);
    }
}
