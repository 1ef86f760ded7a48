package io.motcrm.customer.purchase;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A return: the given lines and quantities, or, with no lines, everything not yet returned. */
public record ReturnRequest(@Size(max = 500) List<@Valid @NotNull Line> lines) {

    public record Line(@NotNull @Positive Integer lineNo, @NotNull @Positive Integer quantity) {
    }

    boolean isFull() {
        return lines == null || lines.isEmpty();
    }
}
