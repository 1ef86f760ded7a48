package io.motcrm.feedback.empowerment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A supervisor's answer to an approval request, always with a reason. */
public record Decision(@NotBlank @Size(max = 2000) String reason) {
}
