package io.motcrm.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/**
 * This service's own bearer token (OAuth2 client credentials from Keycloak, role {@code service}), for
 * calls to another service's {@code /internal} API: outbox deliveries and REST clients. Cached until
 * shortly before it expires. Without {@code quarkus.oidc-client.auth-server-url} (tests) no token is sent.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration EARLY_REFRESH = Duration.ofSeconds(30);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    @ConfigProperty(name = "quarkus.oidc-client.auth-server-url")
    Optional<String> authServerUrl;

    @Inject
    Instance<OidcClient> client;

    private volatile Tokens tokens;

    public boolean isConfigured() {
        return authServerUrl.filter(url -> !url.isBlank()).isPresent();
    }

    /** {@code Bearer <token>}, or empty when no identity provider is configured. */
    public Optional<String> authorization() {
        if (!isConfigured()) {
            return Optional.empty();
        }
        Tokens current = tokens;
        if (current == null || expiresSoon(current)) {
            current = refresh();
        }
        return Optional.of("Bearer " + current.getAccessToken());
    }

    private synchronized Tokens refresh() {
        Tokens current = tokens;
        if (current == null || expiresSoon(current)) {
            current = client.get().getTokens().await().atMost(FETCH_TIMEOUT);
            tokens = current;
        }
        return current;
    }

    private static boolean expiresSoon(Tokens tokens) {
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        return expiresAt == null || Instant.ofEpochSecond(expiresAt).minus(EARLY_REFRESH).isBefore(Instant.now());
    }
}
