package io.motcrm.customer.profile;

public enum CustomerStatus {
    ACTIVE,
    /** Personal data anonymised; the id and member code remain so that other services' references hold. */
    ERASED
}
