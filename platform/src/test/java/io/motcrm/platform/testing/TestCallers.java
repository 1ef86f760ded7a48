package io.motcrm.platform.testing;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.motcrm.platform.security.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestIdentityAssociation;

/**
 * Switches the caller of a {@code @TestSecurity} test for a few calls. The principal is a JWT with
 * the claims Keycloak's tokens carry, so the code under test reads identity exactly as in production.
 * Requires the test (class or method) to be annotated with {@code @TestSecurity}.
 */
public final class TestCallers {

    private TestCallers() {
    }

    public static void asCustomer(UUID customerId, Runnable calls) {
        as("customer-" + customerId, Set.of(Roles.CUSTOMER), Map.of("customer_id", customerId.toString()), calls);
    }

    public static void asPartner(String partnerId, Runnable calls) {
        as("partner-" + partnerId, Set.of(Roles.PARTNER), Map.of("partner_id", partnerId), calls);
    }

    public static void asStaff(String name, String role, Runnable calls) {
        as(name, Set.of(role), Map.of(), calls);
    }

    public static void asService(String name, Runnable calls) {
        as(name, Set.of(Roles.SERVICE), Map.of(), calls);
    }

    public static void as(String name, Set<String> roles, Map<String, String> claims, Runnable calls) {
        TestIdentityAssociation association = Arc.container().instance(TestIdentityAssociation.class).get();
        SecurityIdentity previous = association.getTestIdentity();
        association.setTestIdentity(QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt(name, claims))
                .addRoles(roles)
                .build());
        try {
            calls.run();
        } finally {
            association.setTestIdentity(previous);
        }
    }

    /** A token principal holding the given claims plus {@code preferred_username}. */
    static final class Jwt implements JsonWebToken, Principal {

        private final String name;
        private final Map<String, Object> claims = new HashMap<>();

        Jwt(String name, Map<String, String> claims) {
            this.name = name;
            this.claims.putAll(claims);
            this.claims.put("preferred_username", name);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
