package io.motcrm.feedback.touchpoint;

/** The step of the customer's journey a touchpoint belongs to. */
public enum JourneyStage {
    DISCOVER, BUY, PAY, RECEIVE, USE, GET_HELP
}
