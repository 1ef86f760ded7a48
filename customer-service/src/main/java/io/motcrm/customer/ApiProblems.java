package io.motcrm.customer;

/**
 * Descriptions of the problem answers several operations share, for {@code @APIResponse}: each code in
 * backquotes is one the answer can carry (the platform's OpenAPI filter lists them in {@code x-problem-codes}).
 */
public final class ApiProblems {

    public static final String PURPOSE_REQUIRED = "`access-purpose-required`: a staff caller sent no "
            + CallerAccess.PURPOSE_HEADER + " (or a blank or too long one)";
    public static final String CUSTOMER_NOT_FOUND = "`customer-not-found`: no such customer; a customer's token "
            + "with another customer's id gets the same answer";
    public static final String MY_PROFILE_NOT_FOUND = "`customer-not-found`: the signed-in customer has not signed up";
    public static final String NOT_A_CUSTOMER = "`forbidden`: not a customer's token, or it names no customer";
    public static final String CUSTOMER_ERASED = "`customer-erased`: the customer has been erased";
    public static final String INVALID_CONTACTS = "`invalid-email`, `invalid-phone`, `invalid-locale`: a contact "
            + "detail is not valid (the field is named in 'violations')";
    public static final String CONTACTS_TAKEN = "`email-taken`, `phone-taken`: another active customer uses the "
            + "email address or phone number";

    private ApiProblems() {
    }
}
