package io.motcrm.loyalty;

/** Role names as the gateway's tokens carry them (DESIGN.md), plus the one internal callers hold. */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String PARTNER = "partner";
    /**
     * Other services of the suite calling the internal API (the customer-service outbox relay). Not
     * in DESIGN.md's list, which names people and partners; tokens from client credentials of the
     * suite's own services carry it.
     */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
