package io.motcrm.feedback.capture;

/** The public "you said, we did" status of a suggestion. */
public enum SuggestionStatus {
    RECEIVED, PLANNED, DONE, DECLINED
}
