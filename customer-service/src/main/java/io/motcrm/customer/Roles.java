package io.motcrm.customer;

import java.util.Set;

/** Role names as the gateway's tokens carry them (DESIGN.md). */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    public static final Set<String> STAFF = Set.of(AGENT, SUPERVISOR, ADMIN);

    private Roles() {
    }
}
