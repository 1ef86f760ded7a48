package io.motcrm.feedback.analytics;

/** The dimension MOT analytics are grouped by, and the SQL expression of its key. */
public enum GroupBy {
    TOUCHPOINT("t.code", "t.code"), CHANNEL("f.channel", "c.channel"), STAGE("t.stage", "t.stage"), TEAM("t.team", "t.team");

    /** The key over feedback {@code f} joined to its touchpoint {@code t}. */
    final String feedbackKey;
    /** The key over cases {@code c} joined to their touchpoint {@code t}. */
    final String caseKey;

    GroupBy(String feedbackKey, String caseKey) {
        this.feedbackKey = feedbackKey;
        this.caseKey = caseKey;
    }

    /** Accepts {@code touchpoint}, {@code TOUCHPOINT}, ... as query parameter. */
    public static GroupBy fromString(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
