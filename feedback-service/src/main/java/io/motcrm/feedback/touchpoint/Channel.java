package io.motcrm.feedback.touchpoint;

/** Where a moment of truth happens. */
public enum Channel {
    STORE, WEB, APP, CALL_CENTRE, DELIVERY, CHAT
}
