package io.motcrm.loyalty.account;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;

/**
 * Object-level access to a customer's points: staff reach every customer, a customer only their own
 * account (the {@code customer_id} claim of their token, through {@link Caller}); any other id is a
 * 404, so that a customer cannot learn which ids exist.
 */
@RequestScoped
public class CallerAccess {

    /** The 403 of a /me route, as the OpenAPI document describes it. */
    public static final String NOT_A_CUSTOMER = "`forbidden`: not a customer's token, or it names no customer";

    @Inject
    Caller caller;

    public void requireAccessTo(UUID customerId) {
        if (caller.isStaff() || caller.isCustomer(customerId)) {
            return;
        }
        throw new ProblemException(CommonProblem.NOT_FOUND, "No points account for this customer");
    }

    /**
     * The signed-in customer's own id, for the {@code /api/v1/me/loyalty} routes. A customer token without
     * the {@code customer_id} claim names nobody: 403.
     */
    public UUID me() {
        return caller.requireCustomerId();
    }

    /** Only the customer themselves (not staff): for acts such as creating a redemption code. */
    public void requireCustomer(UUID customerId) {
        if (!caller.isCustomer(customerId)) {
            throw new ProblemException(CommonProblem.NOT_FOUND, "No points account for this customer");
        }
    }
}
