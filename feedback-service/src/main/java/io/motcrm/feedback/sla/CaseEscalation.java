package io.motcrm.feedback.sla;

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

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step up the escalation chain of a breached case. */
@Entity
@Table(name = "case_escalation")
public class CaseEscalation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public int level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationLevel role;

    @Column(name = "escalated_to", nullable = false)
    public String escalatedTo;

    /** Which target was breached: FIRST_RESPONSE or RESOLUTION. */
    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public Instant at;

    public static List<CaseEscalation> of(UUID caseId) {
        return list("caseId = ?1 order by level", caseId);
    }

    @Schema(name = "CaseEscalation")
    public record View(
            @Schema(required = true) int level,
            @Schema(required = true) EscalationLevel role,
            @Schema(required = true) String escalatedTo,
            @Schema(required = true) String reason,
            @Schema(required = true) Instant at) {
    }

    public View view() {
        return new View(level, role, escalatedTo, reason, at);
    }
}
