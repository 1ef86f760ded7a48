package io.motcrm.customer;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.customer.privacy.AccessPurposes;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/**
 * Object-level access to a customer's data, from the verified token only ({@link Caller}): a customer
 * reaches only their own record (the token's {@code customer_id} claim), and anyone else's looks as if
 * it did not exist; staff reach every customer but must say why in {@value #PURPOSE_HEADER}.
 */
@ApplicationScoped
public class CallerAccess {

    public static final String PURPOSE_HEADER = "X-Access-Purpose";
    public static final int MAX_PURPOSE_LENGTH = 200;
    /** How the OpenAPI document describes {@value #PURPOSE_HEADER}. */
    public static final String PURPOSE_DESCRIPTION = "Staff only: why they access this customer's data, at most "
            + MAX_PURPOSE_LENGTH + " characters; recorded in the customer's access log";

    @Inject
    Caller caller;

    public boolean isStaff() {
        return caller.isStaff();
    }

    public boolean hasRole(String role) {
        return caller.hasRole(role);
    }

    /** The signed-in customer's id, when the caller is a customer (and not also staff). */
    public Optional<UUID> customerId() {
        return caller.isStaff() ? Optional.empty() : caller.customerId();
    }

    /**
     * The signed-in customer's own id, for the {@code /api/v1/me/...} routes and a customer's sign-up. A
     * token without the {@code customer_id} claim (or a staff token) names nobody: 403 forbidden.
     */
    public UUID me() {
        return customerId().orElseThrow(() -> new ProblemException(CommonProblem.FORBIDDEN,
                "The token does not name a customer"));
    }

    /** The name recorded in audit trails: the token's user or client name. */
    public String name() {
        return caller.name();
    }

    /** Who acted, as recorded next to a customer's own data when the customer acted themselves. */
    public static final String THE_CUSTOMER = "customer";

    /**
     * Who acted, for the audit columns of a customer's records (who recorded a consent, who asked for an
     * erasure): {@value #THE_CUSTOMER} when the customer acted themselves (the row names them already,
     * and their user name is personal data of theirs, often their email), else the staff member's or
     * service's name.
     */
    public String actor() {
        return customerId().isPresent() ? THE_CUSTOMER : caller.name();
    }

    /** The caller's most senior staff role, for the access log; null for non-staff. */
    public String staffRole() {
        for (String role : new String[] { Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT }) {
            if (caller.hasRole(role)) {
                return role;
            }
        }
        return null;
    }

    /**
     * Whether the caller sees email and phone in full: the customer themselves, supervisors and admins
     * always; agents only with a purpose from {@link AccessPurposes} that needs them.
     */
    public boolean seesContacts(String purpose) {
        if (!caller.isStaff()) {
            return true;
        }
        return caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.ADMIN) || AccessPurposes.unmasks(purpose);
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

    /** For the customer themselves, or staff holding one of the given roles. */
    public void requireOwnOrRole(UUID customerId, String... roles) {
        if (isStaff()) {
            for (String role : roles) {
                if (caller.hasRole(role)) {
                    return;
                }
            }
            throw new ProblemException(CommonProblem.FORBIDDEN,
                    "This operation needs one of the roles " + String.join(", ", roles));
        }
        requireOwn(customerId);
    }

    public void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE_LENGTH) {
            throw new ProblemException(CustomerProblem.ACCESS_PURPOSE_REQUIRED,
                    "Send " + PURPOSE_HEADER + " with a short reason (at most " + MAX_PURPOSE_LENGTH + " characters)");
        }
    }

    public void requireOwn(UUID customerId) {
        if (customerId().filter(customerId::equals).isEmpty()) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
    }
}
