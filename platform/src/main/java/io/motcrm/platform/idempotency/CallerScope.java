package io.motcrm.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The scope idempotency keys live in: the authenticated principal, so that two callers choosing the
 * same key never see each other's responses. Unauthenticated callers share the anonymous scope.
 */
@ApplicationScoped
public class CallerScope {

    static final String ANONYMOUS = "anonymous";

    @Inject
    Instance<SecurityIdentity> identity;

    public String current() {
        if (identity.isResolvable()) {
            SecurityIdentity caller = identity.get();
            if (!caller.isAnonymous() && caller.getPrincipal() != null) {
                return "principal:" + caller.getPrincipal().getName();
            }
        }
        return ANONYMOUS;
    }
}
