package io.motcrm.feedback.capture;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SuggestionUpdate(@NotNull SuggestionStatus status, @Size(max = 2000) String response) {
}
