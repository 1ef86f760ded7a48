package io.motcrm.feedback.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long personal data that outlives its use is kept (ISO-8601 durations), and how often the purge runs.
 * The rest (the customer link of feedback and cases, scores, who entered what) lasts as long as the
 * customer and goes at erasure.
 */
@ConfigMapping(prefix = "motcrm.retention")
public interface RetentionConfig {

    /**
     * Free texts about a case's customer: the feedback's text and the answer to a suggestion, the notes,
     * the actions' notes and decision reasons, the history's texts, with the case's recovery link and the
     * customer's value as read when it opened. Removed this long after the case closed (a resolved case
     * that is never closed: once its reopen window has passed); the texts of feedback that opened no case,
     * this long after it was submitted (or its suggestion last answered). Scores, states and times stay.
     */
    @WithDefault("P365D")
    Duration feedbackTexts();

    /** The live stream's log (ids, codes and scores of recent events; clients resume from it) is kept this long. */
    @WithDefault("P90D")
    Duration motEvents();

    /** How often the purge runs ({@code off} disables it). */
    @WithDefault("1h")
    String purgeEvery();
}
