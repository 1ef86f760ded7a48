package io.motcrm.feedback.capture;

public enum FeedbackType {
    COMPLIMENT, COMPLAINT, SUGGESTION, RATING
}
