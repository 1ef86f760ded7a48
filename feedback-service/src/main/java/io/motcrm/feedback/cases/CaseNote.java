package io.motcrm.feedback.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.runtime.annotations.RegisterForReflection;

@Entity
@Table(name = "case_note")
public class CaseNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoteVisibility visibility;

    public String text;

    @Column(nullable = false)
    public boolean redacted;

    public static List<CaseNote> of(UUID caseId) {
        return list("caseId = ?1 order by at, id", caseId);
    }

    @RegisterForReflection
    @Schema(name = "CaseNote", description = "A note on a case; `text` is null once the customer was erased")
    public record View(
            @Schema(required = true) UUID id,
            @Schema(required = true) Instant at,
            @Schema(required = true) String author,
            @Schema(required = true) NoteVisibility visibility,
            String text) {
    }

    public View view() {
        return new View(id, at, author, visibility, text);
    }
}
