package io.motcrm.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway's settings (prefix {@code motcrm.gateway}). Where each upstream lives is the shared
 * {@code quarkus.rest-client.<target>.url}, not repeated here.
 */
@ConfigMapping(prefix = "motcrm.gateway")
public interface GatewayConfig {

    /** The public route table, by name: which path prefixes go to which service, and how. */
    Map<String, Route> routes();

    Aggregates aggregates();

    RateLimits rateLimit();

    Upstream upstream();

    OpenApi openapi();

    TokenCache tokenCache();

    CircuitBreaker circuitBreaker();

    Console console();

    interface Route {
        /** Path prefixes; a path matches when it equals a prefix or continues it after a '/'. */
        List<String> prefixes();

        /** The target's config key: {@code customer-api}, {@code feedback-api} or {@code loyalty-api}. */
        String upstream();

        /** Who may call: {@code authenticated}, {@code partner} (the partner role) or {@code anonymous}. */
        @WithDefault("authenticated")
        Access access();

        /** How long the service may take to start its answer (a stream may then run on). */
        @WithDefault("10s")
        Duration timeout();

        /** How long an answer's body may stall before it is cut off (event streams excepted). */
        @WithDefault("30s")
        Duration idleTimeout();

        /** Largest request body forwarded; the global HTTP limit applies on top. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /** The rate-limit class anonymous callers of this route fall into. */
        @WithDefault("anonymous")
        String anonymousRateClass();
    }

    enum Access {
        AUTHENTICATED, PARTNER, ANONYMOUS
    }

    interface Aggregates {
        /** Each call a customer 360 makes may take this long; a slower section is marked unavailable. */
        @WithDefault("2s")
        Duration sectionTimeout();

        /** Each call of a privacy export may take this long. */
        @WithDefault("10s")
        Duration exportTimeout();
    }

    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** Token buckets by class: {@code user}, {@code partner}, {@code anonymous}, {@code anonymous-feedback}. */
        Map<String, Bucket> classes();

        /** How often buckets that have refilled completely are forgotten. */
        @WithDefault("1m")
        Duration evictEvery();
    }

    interface Bucket {
        /** Burst size: how many requests a fresh client may make at once. */
        int capacity();

        /** Sustained rate: tokens added per second. */
        double perSecond();
    }

    interface Upstream {
        /** Connections kept per service. */
        @WithDefault("200")
        int maxConnections();

        @WithDefault("2s")
        Duration connectTimeout();
    }

    /** Per service behind the gateway: when it keeps failing or timing out, refuse at once for a while. */
    interface CircuitBreaker {
        @WithDefault("true")
        boolean enabled();

        /** How many of the latest outcomes are weighed. */
        @WithDefault("20")
        int window();

        /** Outcomes needed in the window before the circuit may open. */
        @WithDefault("10")
        int minimumCalls();

        /** Share of failed outcomes (no answer, timeout, 5xx) that opens the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open circuit refuses before it lets trial requests through. */
        @WithDefault("5s")
        Duration openFor();

        /** Trial requests let through when half-open; all must succeed to close the circuit. */
        @WithDefault("2")
        int halfOpenTrials();
    }

    interface TokenCache {
        /** Verified tokens remembered at once; 0 verifies every request's token. */
        @WithDefault("10000")
        int maxEntries();

        /** Longest a verified token is remembered (never past its own expiry). */
        @WithDefault("5m")
        Duration ttl();
    }

    interface OpenApi {
        /** How long a fetched service document is used before it is fetched again. */
        @WithDefault("5m")
        Duration refreshAfter();

        /** The realm's URL for the OAuth flows in the document; defaults to quarkus.oidc.auth-server-url. */
        Optional<String> authServerUrl();
    }

    /** The staff console's static files, served at /console/, and the runtime settings it reads there. */
    interface Console {
        /** The built console (index.html, assets/); a relative path is taken from the working directory. */
        @WithDefault("web/dist/console")
        String dir();

        /** Keycloak's base URL for the console's sign-in; defaults to quarkus.oidc.auth-server-url's part before /realms/. */
        Optional<String> keycloakUrl();

        /** The realm the console signs in to; defaults to the one named in quarkus.oidc.auth-server-url. */
        Optional<String> realm();

        /** The realm's public client the console signs in with (authorization code + PKCE). */
        @WithDefault("motcrm-console")
        String clientId();
    }
}
