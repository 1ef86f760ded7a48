package io.motcrm.customer;

import io.motcrm.platform.problem.ProblemType;

/** The problems customer-service answers with, besides the common ones. Codes are part of the API. */
public enum CustomerProblem implements ProblemType {
    /** Also answered to a customer asking for another customer's data: nothing tells them it exists. */
    CUSTOMER_NOT_FOUND("customer-not-found", "The customer does not exist", 404),
    CUSTOMER_ERASED("customer-erased", "The customer's data has been erased", 409),
    CUSTOMER_EXISTS("customer-exists", "The signed-in customer already has a profile", 409),
    EMAIL_TAKEN("email-taken", "Another customer already uses this email address", 409),
    PHONE_TAKEN("phone-taken", "Another customer already uses this phone number", 409),
    INVALID_EMAIL("invalid-email", "The email address is not valid", 400),
    INVALID_PHONE("invalid-phone", "The phone number is not valid", 400),
    INVALID_LOCALE("invalid-locale", "The locale is not a valid language tag", 400),
    CONTACT_REQUIRED("contact-required", "An email address or a phone number is required", 400),
    ACCESS_PURPOSE_REQUIRED("access-purpose-required",
            "Staff must state why they access a customer's data in the X-Access-Purpose header", 400),
    SEARCH_FILTER_REQUIRED("search-filter-required", "Search needs at least one filter", 400);

    private final String code;
    private final String title;
    private final int status;

    CustomerProblem(String code, String title, int status) {
        this.code = code;
        this.title = title;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }
}
