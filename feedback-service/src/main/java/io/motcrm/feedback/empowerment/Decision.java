package io.motcrm.feedback.empowerment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A supervisor's answer to an approval request, always with a reason. */
@Schema(name = "ApprovalDecision")
public record Decision(@NotBlank @Size(max = 2000) String reason) {
}
