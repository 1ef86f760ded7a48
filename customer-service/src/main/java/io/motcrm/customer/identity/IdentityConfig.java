package io.motcrm.customer.identity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Deleting an erased customer's Keycloak account ({@link IdentityAccounts}): where Keycloak's admin API
 * is and the confidential client it is called as. That client needs only the realm-management roles
 * {@code view-users}, {@code query-users} and {@code manage-users}.
 */
@ConfigMapping(prefix = "motcrm.identity")
public interface IdentityConfig {

    /**
     * Whether erasures delete the Keycloak account (an erasure target shown as {@code keycloak}). Off in
     * module tests, which have no Keycloak.
     */
    @WithDefault("true")
    boolean enabled();

    /** Keycloak's base URL, without {@code /realms/...}. */
    @WithDefault("http://localhost:8180")
    String keycloakUrl();

    @WithDefault("motcrm")
    String realm();

    @WithDefault("customer-identity")
    String clientId();

    /** The client's secret; deployments set {@code MOTCRM_IDENTITY_CLIENT_SECRET} from a Secret. */
    String clientSecret();

    /** Timeout of each call to Keycloak (connecting and answering). */
    @WithDefault("5s")
    Duration timeout();
}
