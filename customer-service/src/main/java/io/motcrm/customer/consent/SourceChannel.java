package io.motcrm.customer.consent;

/** Where a consent was given or withdrawn. */
public enum SourceChannel {
    WEB, APP, STORE, CALL_CENTRE, EMAIL, SMS
}
