package io.motcrm.platform;

/**
 * The platform's beans and resources that need a database (idempotency, outbox) carry
 * {@code @IfBuildProperty(name = Persistence.ENABLED, stringValue = "true", enableIfMissing = true)}.
 * An application without a database (the gateway) sets {@code motcrm.platform.persistence=false}
 * at build time, and they are left out.
 */
public final class Persistence {

    public static final String ENABLED = "motcrm.platform.persistence";

    private Persistence() {
    }
}
