package io.motcrm.customer;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Object-level access to a customer's data: a customer reaches only their own record (their principal
 * name is their customer id, the token's subject), and anyone else's looks as if it did not exist;
 * staff reach every customer but must say why in {@value #PURPOSE_HEADER}.
 */
@ApplicationScoped
public class CallerAccess {

    public static final String PURPOSE_HEADER = "X-Access-Purpose";
    public static final int MAX_PURPOSE_LENGTH = 200;

    @Inject
    SecurityIdentity identity;

    public boolean isStaff() {
        return Roles.STAFF.stream().anyMatch(identity::hasRole);
    }

    /** The signed-in customer's id, when the caller is a customer (and not also staff). */
    public Optional<UUID> customerId() {
        if (isStaff() || identity.isAnonymous() || !identity.hasRole(Roles.CUSTOMER)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(identity.getPrincipal().getName()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String principal() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** For reads and changes of a profile: staff with a stated purpose, or the customer themselves. */
    public void requireProfileAccess(UUID customerId, String purpose) {
        if (isStaff()) {
            requirePurpose(purpose);
            return;
        }
        requireOwn(customerId);
    }

    /** For consents: staff (who record consent given in a store or on the phone), or the customer themselves. */
    public void requireOwnOrStaff(UUID customerId) {
        if (!isStaff()) {
            requireOwn(customerId);
        }
    }

    public void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE_LENGTH) {
            throw new ProblemException(CustomerProblem.ACCESS_PURPOSE_REQUIRED,
                    "Send " + PURPOSE_HEADER + " with a short reason (at most " + MAX_PURPOSE_LENGTH + " characters)");
        }
    }

    private void requireOwn(UUID customerId) {
        if (customerId().filter(customerId::equals).isEmpty()) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
    }
}
