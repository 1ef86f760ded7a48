package io.motcrm.gateway.edge;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/** The verified identity of a request handled by a Vert.x route (authentication is proactive). */
public final class Callers {

    private Callers() {
    }

    /** The caller's identity, or {@code null} when anonymous. */
    public static SecurityIdentity identity(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return user.getSecurityIdentity();
        }
        return null;
    }
}
