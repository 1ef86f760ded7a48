package io.motcrm.feedback.empowerment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An action on a case; {@code points} only for COMPENSATION_POINTS. */
@Schema(name = "CaseActionRequest")
public record ActionRequest(@NotNull ActionKind kind, @Min(0) @Max(10_000_000) Long points, @Size(max = 2000) String note) {
}
