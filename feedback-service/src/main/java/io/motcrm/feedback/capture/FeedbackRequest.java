package io.motcrm.feedback.capture;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.motcrm.feedback.touchpoint.Channel;

/**
 * Feedback as a signed-in customer or an agent submits it. {@code customerId} is for agents entering
 * feedback on a customer's behalf; a customer's own id comes from the token. {@code channel} defaults
 * to the touchpoint's. The text limit is configured (motcrm.feedback.text-max-length) and checked too.
 */
public record FeedbackRequest(
        @NotNull FeedbackType type,
        @NotBlank @Size(max = 64) String touchpointCode,
        Channel channel,
        @Min(1) @Max(5) Integer csat,
        @Min(0) @Max(10) Integer nps,
        @Min(1) @Max(7) Integer ces,
        @Size(max = 2000) String text,
        UUID customerId) {
}
