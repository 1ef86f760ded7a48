package io.motcrm.feedback.capture;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.motcrm.feedback.touchpoint.Channel;

/** Anonymous feedback through a touchpoint's public link; {@code token} is the link's signed token. */
public record PublicFeedbackRequest(
        @NotBlank @Size(max = 400) String token,
        @NotNull FeedbackType type,
        Channel channel,
        @Min(1) @Max(5) Integer csat,
        @Min(0) @Max(10) Integer nps,
        @Min(1) @Max(7) Integer ces,
        @Size(max = 2000) String text) {
}
