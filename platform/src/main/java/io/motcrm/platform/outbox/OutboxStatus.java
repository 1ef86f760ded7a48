package io.motcrm.platform.outbox;

public enum OutboxStatus {
    /** Waiting for delivery, or for the next attempt after a failure. */
    PENDING,
    DELIVERED,
    /** Given up on: the target rejected it or it failed too often. Visible, requeueable, never deleted. */
    DEAD
}
