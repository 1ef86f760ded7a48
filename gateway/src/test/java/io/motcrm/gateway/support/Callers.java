package io.motcrm.gateway.support;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestTokens;

/** Real signed bearer tokens (trusted by the test profile) for the callers the gateway meets. */
public final class Callers {

    private Callers() {
    }

    public static String agent() {
        return TestTokens.bearer("agent-" + UUID.randomUUID(), Set.of(Roles.AGENT), Map.of());
    }

    public static String customer(UUID customerId) {
        return TestTokens.bearer("c-" + UUID.randomUUID(), Set.of(Roles.CUSTOMER),
                Map.of(Caller.CUSTOMER_ID, customerId.toString()));
    }

    public static String partner(String partnerId) {
        return TestTokens.bearer("service-account-" + partnerId + "-" + UUID.randomUUID(), Set.of(Roles.PARTNER),
                Map.of(Caller.PARTNER_ID, partnerId));
    }

    public static String service() {
        return TestTokens.bearer("service-" + UUID.randomUUID(), Set.of(Roles.SERVICE), Map.of());
    }
}
