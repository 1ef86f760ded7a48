package io.motcrm.loyalty;

import io.motcrm.platform.problem.ProblemType;

/** The problems loyalty-service answers with, besides the common ones. Codes are part of the API. */
public enum LoyaltyProblem implements ProblemType {
    ACCOUNT_NOT_FOUND("account-not-found", "The customer has no points account", 404),
    TRANSACTION_NOT_FOUND("transaction-not-found", "The transaction does not exist on this account", 404),
    /** A write a client makes on a closed (erased) account can never succeed. Events for it are accepted instead. */
    ACCOUNT_CLOSED("account-closed", "The points account is closed", 422),
    /** Answered to an event that arrived before the customer's registration; the sender retries it. */
    CUSTOMER_NOT_REGISTERED("customer-not-registered", "The customer's registration has not been received yet", 409),
    /** Answered to a return that arrived before its purchase; the sender retries it. */
    /** A registration whose member code another customer's account already has; retrying cannot help. */
    MEMBER_CODE_TAKEN("member-code-taken", "Another customer's points account has this member code", 422),
    PURCHASE_NOT_RECORDED("purchase-not-recorded", "The returned purchase has not been received yet", 409),
    PURCHASE_CUSTOMER_MISMATCH("purchase-customer-mismatch", "The purchase belongs to another customer", 422),
    PURCHASE_CONFLICT("purchase-conflict", "The purchase was already recorded with different details", 422),
    RETURN_CONFLICT("return-conflict", "The return was already recorded with different details", 422),
    RETURN_EXCEEDS_PURCHASE("return-exceeds-purchase", "More would be returned than was bought", 422),
    INSUFFICIENT_POINTS("insufficient-points", "The account does not have enough available points", 422),
    REFERENCE_USED("reference-used", "A transaction with this reference already exists", 409),
    AMOUNT_TOO_LARGE("amount-too-large", "The amount is too large to be processed", 422),
    PARTNER_NOT_FOUND("partner-not-found", "The partner does not exist", 404),
    PARTNER_EXISTS("partner-exists", "A partner with this id already exists", 409),
    PARTNER_NOT_ACTIVE("partner-not-active", "The partner is not active", 403),
    REDEMPTION_CODE_INVALID("redemption-code-invalid", "The redemption code is unknown", 422),
    REDEMPTION_CODE_EXPIRED("redemption-code-expired", "The redemption code has expired", 422),
    REDEMPTION_CODE_USED("redemption-code-used", "The redemption code was already used", 409),
    REDEMPTION_CODE_CAP_EXCEEDED("redemption-code-cap-exceeded", "The redemption code does not allow that many points", 422),
    REDEMPTION_NOT_FOUND("redemption-not-found", "The redemption does not exist", 404),
    REDEMPTION_NOT_PENDING("redemption-not-pending", "The hold was already captured, voided or released", 409),
    HOLD_EXPIRED("hold-expired", "The hold has expired; its points are being released", 409),
    CAPTURE_EXCEEDS_HOLD("capture-exceeds-hold", "More would be captured than is held", 422),
    REDEMPTION_NOT_CAPTURED("redemption-not-captured", "Only captured points can be refunded", 409),
    REFUND_EXCEEDS_CAPTURED("refund-exceeds-captured", "More would be refunded than was captured and not yet refunded", 422),
    CHARITY_NOT_FOUND("charity-not-found", "The charity is not registered", 404),
    CHARITY_EXISTS("charity-exists", "A charity with this id is already registered", 409),
    CHARITY_NOT_ACTIVE("charity-not-active", "The charity no longer takes donations", 422),
    DONATION_NOT_FOUND("donation-not-found", "The donation does not exist", 404),
    COMPENSATION_CONFLICT("compensation-conflict", "The case action was already compensated with different details", 422),
    REFERRAL_CONFLICT("referral-conflict", "The referee was already rewarded for another referral", 422),
    SELF_REFERRAL("self-referral", "A customer cannot refer themselves", 422),
    INVALID_MONTH("invalid-month", "The month must be written YYYY-MM", 400),
    INVALID_CURSOR("invalid-cursor", "The cursor is not one this list gave out", 400),
    REDEMPTION_CODE_REVOKED("redemption-code-revoked", "The customer revoked this redemption code", 422),
    REDEMPTION_CODE_NOT_FOUND("redemption-code-not-found", "The customer has no such redemption code", 404);

    private final Definition definition;

    LoyaltyProblem(String code, String title, int status) {
        this.definition = new Definition(code, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
