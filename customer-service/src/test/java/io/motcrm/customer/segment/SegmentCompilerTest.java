package io.motcrm.customer.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.platform.problem.ProblemException;

class SegmentCompilerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    static SegmentRule rule(String json) throws Exception {
        return JSON.readValue(json, SegmentRule.class);
    }

    static SegmentCompiler.Compiled compile(String json) throws Exception {
        return SegmentCompiler.compile(rule(json), NOW, "p");
    }

    static void assertInvalid(String json, String detail) {
        assertThatThrownBy(() -> compile(json)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(CustomerProblem.INVALID_SEGMENT_RULE);
            assertThat(e.detail()).contains(detail);
        });
    }

    @Test
    void stageAndDaysSinceLastPurchaseCompileToBoundParameters() throws Exception {
        var compiled = compile("""
                {"conditions": [{"field": "lifecycleStage", "op": "eq", "value": "first_purchase"},
                                {"field": "daysSinceLastPurchase", "op": "gte", "value": 14}]}""");
        assertThat(compiled.where()).isEqualTo(
                "coalesce(i.lifecycle_stage, 'PROSPECT') = :p0 and i.last_purchase_at <= :p1");
        assertThat(compiled.parameters()).containsEntry("p0", "FIRST_PURCHASE")
                .containsEntry("p1", NOW.minus(Duration.ofDays(14)));
    }

    @Test
    void everyFieldAndOperatorHasItsOwnFragment() throws Exception {
        var compiled = compile("""
                {"conditions": [{"field": "lifecycleStage", "op": "in", "value": ["loyal", "at_risk"]},
                                {"field": "recencyScore", "op": "gte", "value": 4},
                                {"field": "monetaryScore", "op": "lte", "value": 2},
                                {"field": "purchaseCount", "op": "eq", "value": 3},
                                {"field": "lifetimeValueMinor", "op": "gte", "value": 100000},
                                {"field": "daysSinceLastPurchase", "op": "lte", "value": 30},
                                {"field": "topCategory", "op": "eq", "value": "books"}]}""");
        assertThat(compiled.where()).isEqualTo("coalesce(i.lifecycle_stage, 'PROSPECT') in (:p0)"
                + " and i.recency_score >= :p1 and i.monetary_score <= :p2 and coalesce(i.purchase_count, 0) = :p3"
                + " and coalesce(i.lifetime_value_minor, 0) >= :p4 and i.last_purchase_at >= :p5"
                + " and i.top_categories @> jsonb_build_array(cast(:p6 as text))");
        assertThat(compiled.parameters().get("p0")).isEqualTo(List.of("LOYAL", "AT_RISK"));
        assertThat(compiled.parameters().get("p6")).isEqualTo("books");
    }

    @Test
    void userTextNeverBecomesSql() throws Exception {
        var compiled = compile("""
                {"conditions": [{"field": "topCategory", "op": "eq", "value": "x') or 1=1 --"}]}""");
        assertThat(compiled.where()).doesNotContain("or 1=1");
        assertThat(compiled.parameters()).containsEntry("p0", "x') or 1=1 --");
        assertInvalid("""
                {"conditions": [{"field": "lifecycle_stage = 'LOYAL' or true --", "op": "eq", "value": "loyal"}]}""",
                "Unknown field");
        assertInvalid("""
                {"conditions": [{"field": "recencyScore", "op": "= 1 or 1 =", "value": 1}]}""", "operators");
    }

    @Test
    void invalidRulesAreRefusedWithTheReason() {
        assertInvalid("{\"conditions\": []}", "at least one condition");
        assertInvalid("""
                {"conditions": [{"field": "lifecycleStage", "op": "eq", "value": "vip"}]}""", "Unknown lifecycle stage");
        assertInvalid("""
                {"conditions": [{"field": "lifecycleStage", "op": "gte", "value": "loyal"}]}""", "operators");
        assertInvalid("""
                {"conditions": [{"field": "recencyScore", "op": "eq", "value": 6}]}""", "from 1 to 5");
        assertInvalid("""
                {"conditions": [{"field": "recencyScore", "op": "eq", "value": "5"}]}""", "whole number");
        assertInvalid("""
                {"conditions": [{"field": "daysSinceLastPurchase", "op": "gte", "value": -1}]}""", "from 0");
        assertInvalid("""
                {"conditions": [{"field": "lifecycleStage", "op": "in", "value": "loyal"}]}""", "list");
        assertInvalid("""
                {"conditions": [{"field": "topCategory", "op": "eq", "value": 7}]}""", "category name");
    }
}
