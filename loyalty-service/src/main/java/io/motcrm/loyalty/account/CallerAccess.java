package io.motcrm.loyalty.account;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.loyalty.Roles;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Object-level access to a customer's points: staff reach every customer, a customer only their own
 * account; any other id is a 404, so that a customer cannot learn which ids exist. A customer's principal name is their customer id (the token's subject).
 */
@ApplicationScoped
public class CallerAccess {

    private static final Set<String> STAFF = Set.of(Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN);

    @Inject
    SecurityIdentity identity;

    public void requireAccessTo(UUID customerId) {
        if (STAFF.stream().anyMatch(identity::hasRole)) {
            return;
        }
        if (identity.hasRole(Roles.CUSTOMER) && !identity.isAnonymous()
                && customerId.toString().equals(identity.getPrincipal().getName())) {
            return;
        }
        // Another customer's account answers as if it did not exist: ids are not to be probed.
        throw new ProblemException(CommonProblem.NOT_FOUND, "No points account for this customer");
    }
}
