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
    SEARCH_FILTER_REQUIRED("search-filter-required", "Search needs at least one filter", 400),
    PURCHASE_NOT_FOUND("purchase-not-found", "The purchase does not exist", 404),
    PURCHASE_CONFLICT("purchase-conflict",
            "This source's order id was already recorded with other contents or for another customer", 409),
    PURCHASE_IN_FUTURE("purchase-in-future", "The purchase time is in the future", 400),
    AMOUNT_TOO_LARGE("amount-too-large", "An amount is too large", 400),
    UNKNOWN_PURCHASE_LINE("unknown-purchase-line", "The purchase has no such line", 400),
    DUPLICATE_RETURN_LINE("duplicate-return-line", "A return names the same purchase line twice", 400),
    RETURN_EXCEEDS_PURCHASE("return-exceeds-purchase", "More would be returned than was bought", 409),
    UNKNOWN_REFERRAL_CODE("unknown-referral-code", "No active customer has this referral code", 422),
    SELF_REFERRAL("self-referral", "A customer cannot refer themselves", 422),
    REFERRER_ALREADY_SET("referrer-already-set", "The customer was already referred by someone", 409),
    REFERRAL_TOO_LATE("referral-too-late", "A referral can only be added before the first purchase", 409),
    SEGMENT_NOT_FOUND("segment-not-found", "The segment does not exist", 404),
    SEGMENT_NAME_TAKEN("segment-name-taken", "Another segment already has this name", 409),
    INVALID_SEGMENT_RULE("invalid-segment-rule", "The segment rule is not valid", 400),
    ERASURE_NOT_FOUND("erasure-not-found", "The customer has not been erased", 404),
    IDENTITY_PROVIDER_UNAVAILABLE("identity-provider-unavailable",
            "The identity provider cannot delete the customer's account now", 503);

    private final Definition definition;

    CustomerProblem(String code, String title, int status) {
        this.definition = new Definition(code, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
