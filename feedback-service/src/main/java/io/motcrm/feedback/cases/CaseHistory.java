package io.motcrm.feedback.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of a case's full history; never changed once written. */
@Entity
@Table(name = "case_history")
public class CaseHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String kind;

    public String detail;

    public static List<CaseHistory> of(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }

    @Schema(name = "CaseHistoryEntry", description = "One line of a case's history; `detail` is null once the "
            + "customer was erased or the case's texts passed their retention")
    public record View(
            @Schema(required = true) long id,
            @Schema(required = true) Instant at,
            @Schema(required = true) String actor,
            @Schema(required = true) String kind,
            String detail) {
    }

    public View view() {
        return new View(id, at, actor, kind, detail);
    }
}
