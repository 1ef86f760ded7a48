package io.motcrm.platform.security;

import java.util.Set;

/** Role names as Keycloak's tokens carry them (realm roles of the {@code motcrm} realm). */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String PARTNER = "partner";
    /** The suite's own services calling another service's {@code /internal} API (client credentials). */
    public static final String SERVICE = "service";

    public static final Set<String> STAFF = Set.of(AGENT, SUPERVISOR, ADMIN);

    private Roles() {
    }
}
