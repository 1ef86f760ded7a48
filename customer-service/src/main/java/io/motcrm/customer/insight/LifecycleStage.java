package io.motcrm.customer.insight;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a customer is in their relationship; the JSON names are part of the API. */
public enum LifecycleStage {
    /** Signed up, no purchase yet (or every purchase returned). */
    @JsonProperty("prospect")
    PROSPECT,
    /** One purchase: the "test purchase" the seeds describe. */
    @JsonProperty("first_purchase")
    FIRST_PURCHASE,
    @JsonProperty("repeat")
    REPEAT,
    @JsonProperty("loyal")
    LOYAL,
    /** No purchase for {@code motcrm.insight.at-risk-after}. */
    @JsonProperty("at_risk")
    AT_RISK,
    /** No purchase for {@code motcrm.insight.lapsed-after}. */
    @JsonProperty("lapsed")
    LAPSED;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LifecycleStage fromJson(String value) {
        for (LifecycleStage stage : values()) {
            if (stage.json().equals(value)) {
                return stage;
            }
        }
        return null;
    }
}
