package io.motcrm.feedback.capture;

/** Who entered the feedback: the customer, an agent on the customer's behalf, or an anonymous visitor. */
public enum Source {
    CUSTOMER, AGENT, ANONYMOUS
}
