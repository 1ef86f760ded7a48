package io.motcrm.customer.segment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A segment's rule: every condition must hold. A condition compares one insight attribute
 * ({@link SegmentField}) with a value by an operator ({@code eq}, {@code ne}, {@code in}, {@code gte},
 * {@code lte}, as the field allows), e.g.
 * {@code {"conditions": [{"field": "lifecycleStage", "op": "eq", "value": "first_purchase"},
 * {"field": "daysSinceLastPurchase", "op": "gte", "value": 14}]}}.
 */
public record SegmentRule(@NotEmpty @Size(max = SegmentRule.MAX_CONDITIONS) List<@Valid @NotNull Condition> conditions) {

    public static final int MAX_CONDITIONS = 10;

    public record Condition(@NotBlank @Size(max = 40) String field, @NotBlank @Size(max = 10) String op,
            @NotNull JsonNode value) {
    }
}
