package io.motcrm.customer.profile;

/** How the customer prefers to be contacted. */
public enum PreferredChannel {
    EMAIL, SMS, PUSH, PHONE, POST
}
