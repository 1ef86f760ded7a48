package io.motcrm.loyalty;

import io.motcrm.platform.problem.ProblemType;

/** The problems loyalty-service answers with, besides the common ones. Codes are part of the API. */
public enum LoyaltyProblem implements ProblemType {
    ACCOUNT_NOT_FOUND("account-not-found", "The customer has no points account", 404),
    TRANSACTION_NOT_FOUND("transaction-not-found", "The transaction does not exist on this account", 404),
    ACCOUNT_CLOSED("account-closed", "The points account is closed", 409),
    /** Answered to an event that arrived before the customer's registration; the sender retries it. */
    CUSTOMER_NOT_REGISTERED("customer-not-registered", "The customer's registration has not been received yet", 409),
    /** Answered to a return that arrived before its purchase; the sender retries it. */
    PURCHASE_NOT_RECORDED("purchase-not-recorded", "The returned purchase has not been received yet", 409),
    PURCHASE_CUSTOMER_MISMATCH("purchase-customer-mismatch", "The purchase belongs to another customer", 422),
    PURCHASE_CONFLICT("purchase-conflict", "The purchase was already recorded with different details", 422),
    RETURN_CONFLICT("return-conflict", "The return was already recorded with different details", 422),
    RETURN_EXCEEDS_PURCHASE("return-exceeds-purchase", "More would be returned than was bought", 422),
    INSUFFICIENT_POINTS("insufficient-points", "The account does not have enough available points", 422),
    REFERENCE_USED("reference-used", "A transaction with this reference already exists", 409),
    AMOUNT_TOO_LARGE("amount-too-large", "The amount is too large to be processed", 422);

    private final String code;
    private final String title;
    private final int status;

    LoyaltyProblem(String code, String title, int status) {
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
