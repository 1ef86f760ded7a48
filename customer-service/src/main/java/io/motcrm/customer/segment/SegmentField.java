package io.motcrm.customer.segment;

import java.util.Set;

/**
 * The attributes a segment rule can test, each with its SQL expression over {@code customer c} and
 * {@code customer_insight i}, the operators it allows and the type of its value. User input never
 * becomes SQL text: it picks one of these and is bound as a parameter.
 */
enum SegmentField {
    LIFECYCLE_STAGE("lifecycleStage", "coalesce(i.lifecycle_stage, 'PROSPECT')", Kind.STAGE, Set.of(Op.EQ, Op.NE, Op.IN)),
    RECENCY_SCORE("recencyScore", "i.recency_score", Kind.SCORE, Set.of(Op.EQ, Op.GTE, Op.LTE)),
    FREQUENCY_SCORE("frequencyScore", "i.frequency_score", Kind.SCORE, Set.of(Op.EQ, Op.GTE, Op.LTE)),
    MONETARY_SCORE("monetaryScore", "i.monetary_score", Kind.SCORE, Set.of(Op.EQ, Op.GTE, Op.LTE)),
    PURCHASE_COUNT("purchaseCount", "coalesce(i.purchase_count, 0)", Kind.COUNT, Set.of(Op.EQ, Op.GTE, Op.LTE)),
    NET_SPEND_MINOR("netSpendMinor", "coalesce(i.net_spend_minor, 0)", Kind.AMOUNT, Set.of(Op.GTE, Op.LTE)),
    LIFETIME_VALUE_MINOR("lifetimeValueMinor", "coalesce(i.lifetime_value_minor, 0)", Kind.AMOUNT, Set.of(Op.GTE, Op.LTE)),
    /** Days since the last purchase; a customer without purchases matches no condition on it. */
    DAYS_SINCE_LAST_PURCHASE("daysSinceLastPurchase", "i.last_purchase_at", Kind.DAYS, Set.of(Op.GTE, Op.LTE)),
    /** One of the customer's top categories. */
    TOP_CATEGORY("topCategory", "i.top_categories", Kind.CATEGORY, Set.of(Op.EQ));

    enum Kind {
        STAGE, SCORE, COUNT, AMOUNT, DAYS, CATEGORY
    }

    enum Op {
        EQ("eq", "="), NE("ne", "<>"), IN("in", "in"), GTE("gte", ">="), LTE("lte", "<=");

        final String json;
        final String sql;

        Op(String json, String sql) {
            this.json = json;
            this.sql = sql;
        }

        static Op of(String json) {
            for (Op op : values()) {
                if (op.json.equals(json)) {
                    return op;
                }
            }
            return null;
        }
    }

    final String json;
    final String sql;
    final Kind kind;
    final Set<Op> ops;

    SegmentField(String json, String sql, Kind kind, Set<Op> ops) {
        this.json = json;
        this.sql = sql;
        this.kind = kind;
        this.ops = ops;
    }

    static SegmentField of(String json) {
        for (SegmentField field : values()) {
            if (field.json.equals(json)) {
                return field;
            }
        }
        return null;
    }
}
