package io.motcrm.feedback.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the case endpoints. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /** Move a case; {@code rootCause} is required to resolve (one of motcrm.feedback.cases.root-causes). */
    @Schema(name = "CaseStatusChange")
    public record StatusChange(@NotNull CaseStatus status, @Size(max = 60) String rootCause) {
    }

    @Schema(name = "CaseAssignment")
    public record Assignment(@NotBlank @Size(max = 200) String owner) {
    }

    /** A note; customers' notes are always customer-visible. */
    @Schema(name = "CaseNoteRequest")
    public record Note(
            @Schema(description = "Staff: INTERNAL (the default) or CUSTOMER; ignored for customers, whose notes are always CUSTOMER") NoteVisibility visibility, @NotBlank @Size(max = 4000) String text) {
    }

    @Schema(name = "RecoveryRating")
    public record RecoveryRating(@NotNull @Min(1) @Max(5) Integer csat) {
    }

    @Schema(name = "PublicRecoveryRating")
    public record PublicRecoveryRating(@NotBlank @Size(max = 100) String token, @NotNull @Min(1) @Max(5) Integer csat) {
    }
}
