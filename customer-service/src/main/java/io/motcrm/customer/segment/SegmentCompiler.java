package io.motcrm.customer.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.customer.insight.LifecycleStage;
import io.motcrm.platform.problem.ProblemException;

/**
 * Turns a validated {@link SegmentRule} into a parameterised SQL condition over {@code customer c} left
 * joined with {@code customer_insight i}. The SQL text is made only of {@link SegmentField} and
 * operator constants and parameter names; every value is a bind parameter.
 */
public final class SegmentCompiler {

    static final int MAX_IN_VALUES = 6;
    static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    static final int MAX_DAYS = 36_500;
    static final int MAX_COUNT = 10_000_000;

    /** The SQL condition (joined with {@code and}) and its parameters. */
    public record Compiled(String where, Map<String, Object> parameters) {
    }

    private SegmentCompiler() {
    }

    /** Checks a rule without a clock; throws {@code invalid-segment-rule} with the reason. */
    static void validate(SegmentRule rule) {
        compile(rule, Instant.EPOCH, "v");
    }

    static Compiled compile(SegmentRule rule, Instant now, String prefix) {
        if (rule == null || rule.conditions() == null || rule.conditions().isEmpty()) {
            throw invalid("A rule needs at least one condition");
        }
        if (rule.conditions().size() > SegmentRule.MAX_CONDITIONS) {
            throw invalid("A rule has at most " + SegmentRule.MAX_CONDITIONS + " conditions");
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        int index = 0;
        for (SegmentRule.Condition condition : rule.conditions()) {
            if (condition == null) {
                throw invalid("A condition is missing");
            }
            SegmentField field = SegmentField.of(condition.field());
            if (field == null) {
                throw invalid("Unknown field '" + condition.field() + "'; known: "
                        + Arrays.stream(SegmentField.values()).map(f -> f.json).toList());
            }
            SegmentField.Op op = SegmentField.Op.of(condition.op());
            if (op == null || !field.ops.contains(op)) {
                throw invalid("Field " + field.json + " allows the operators "
                        + field.ops.stream().map(o -> o.json).sorted().toList());
            }
            String name = prefix + index++;
            JsonNode value = condition.value();
            switch (field.kind) {
                case STAGE -> {
                    if (op == SegmentField.Op.IN) {
                        if (value == null || !value.isArray() || value.isEmpty() || value.size() > MAX_IN_VALUES) {
                            throw invalid("'in' takes a list of 1 to " + MAX_IN_VALUES + " stages");
                        }
                        List<String> stages = new ArrayList<>();
                        value.forEach(v -> stages.add(stage(v).name()));
                        where.add(field.sql + " in (:" + name + ")");
                        parameters.put(name, stages);
                    } else {
                        where.add(field.sql + " " + op.sql + " :" + name);
                        parameters.put(name, stage(value).name());
                    }
                }
                case SCORE -> {
                    where.add(field.sql + " " + op.sql + " :" + name);
                    parameters.put(name, (short) integer(value, field, 1, 5));
                }
                case COUNT -> {
                    where.add(field.sql + " " + op.sql + " :" + name);
                    parameters.put(name, (int) integer(value, field, 0, MAX_COUNT));
                }
                case AMOUNT -> {
                    where.add(field.sql + " " + op.sql + " :" + name);
                    parameters.put(name, integer(value, field, 0, MAX_AMOUNT));
                }
                case DAYS -> {
                    // At least N days since the last purchase: it happened at or before now - N days.
                    Instant bound = now.minus(Duration.ofDays(integer(value, field, 0, MAX_DAYS)));
                    where.add(field.sql + (op == SegmentField.Op.GTE ? " <= :" : " >= :") + name);
                    parameters.put(name, bound);
                }
                case CATEGORY -> {
                    if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > 64) {
                        throw invalid("Field topCategory takes a category name of 1 to 64 characters");
                    }
                    where.add(field.sql + " @> jsonb_build_array(cast(:" + name + " as text))");
                    parameters.put(name, value.asText().trim());
                }
                default -> throw new IllegalStateException(field.kind.name());
            }
        }
        return new Compiled(String.join(" and ", where), parameters);
    }

    private static LifecycleStage stage(JsonNode value) {
        LifecycleStage stage = value != null && value.isTextual() ? LifecycleStage.fromJson(value.asText()) : null;
        if (stage == null) {
            throw invalid("Unknown lifecycle stage " + value + "; known: "
                    + Arrays.stream(LifecycleStage.values()).map(LifecycleStage::json).toList());
        }
        return stage;
    }

    private static long integer(JsonNode value, SegmentField field, long min, long max) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min
                || value.asLong() > max) {
            throw invalid("Field " + field.json + " takes a whole number from " + min + " to " + max);
        }
        return value.asLong();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(CustomerProblem.INVALID_SEGMENT_RULE, detail);
    }
}
