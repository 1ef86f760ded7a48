package io.motcrm.customer.identity;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;
import io.quarkus.logging.Log;

/**
 * Deletes an erased customer's Keycloak account: the users whose attribute {@value #ATTRIBUTE} is the
 * customer's id. Staff, partner and service users are never touched (out of scope of a customer's
 * erasure): such a user is skipped and its id logged. Deleting is idempotent: a user already gone is done.
 */
@ApplicationScoped
public class IdentityAccounts {

    /** The user attribute that links a Keycloak user to a customer (and becomes the token's claim). */
    public static final String ATTRIBUTE = "customer_id";
    static final Set<String> PROTECTED_ROLES = Set.of(Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.PARTNER,
            Roles.SERVICE);

    @Inject
    IdentityConfig config;

    @Inject
    KeycloakAdmin keycloak;

    /** What an erasure did in Keycloak. */
    public record Outcome(int deleted, int kept) {
    }

    public Outcome erase(UUID customerId) {
        if (!config.enabled()) {
            throw new ProblemException(CustomerProblem.IDENTITY_PROVIDER_UNAVAILABLE,
                    "Deleting Keycloak accounts is switched off here (motcrm.identity.enabled)");
        }
        int deleted = 0;
        int kept = 0;
        for (KeycloakAdmin.User user : keycloak.usersOf(customerId)) {
            if (!user.isCustomer(customerId)) {
                continue;
            }
            var roles = keycloak.realmRoles(user.id());
            if (roles.isEmpty()) {
                continue;
            }
            if (roles.get().stream().anyMatch(PROTECTED_ROLES::contains)) {
                Log.warnf("Keycloak user %s has a staff, partner or service role: not deleted for the erasure of "
                        + "customer %s", user.id(), customerId);
                kept++;
                continue;
            }
            if (keycloak.delete(user.id())) {
                deleted++;
            }
        }
        Log.infof("Keycloak accounts of customer %s: %d deleted, %d kept", customerId, deleted, kept);
        return new Outcome(deleted, kept);
    }
}
