package io.motcrm.gateway.edge;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.motcrm.gateway.GatewayConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Remembers the bearer tokens this gateway has verified, so that a client's next requests with the
 * same token skip the signature check and claim parsing (most of the gateway's own work per request).
 * <ul>
 * <li>An identity enters only after quarkus-oidc has verified its token (signature, issuer, expiry,
 * audience): {@link #augment} sees every successful authentication.</li>
 * <li>The key is the whole token, signature included, so nothing but that exact token matches.</li>
 * <li>An entry ends at the token's own expiry, or after {@code motcrm.gateway.token-cache.ttl} if
 * sooner; a token is never accepted past its {@code exp} (stricter than the verifier's clock-skew
 * allowance). Nothing is checked with the identity provider per request either way: verification is
 * local, so a revoked token lives until it expires, cached or not.</li>
 * <li>At most {@code motcrm.gateway.token-cache.max-entries} tokens; when full, expired entries are
 * dropped and, if that frees nothing, new tokens are simply verified every time.</li>
 * </ul>
 * The services behind the gateway verify the token again themselves.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    /** Attributes that belong to the request that verified the token, not to the token. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    private record Entry(SecurityIdentity identity, long validUntilMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;

    @Inject
    VerifiedTokens(GatewayConfig config, Clock clock) {
        this.maxEntries = config.tokenCache().maxEntries();
        this.ttl = config.tokenCache().ttl();
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's provider, which is asked only when this one answers nothing. */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (maxEntries <= 0) {
            return Uni.createFrom().nullItem();
        }
        String token = request.getToken().getToken();
        Entry entry = entries.get(token);
        if (entry == null) {
            return Uni.createFrom().nullItem();
        }
        if (clock.millis() >= entry.validUntilMillis()) {
            entries.remove(token, entry);
            return Uni.createFrom().nullItem();
        }
        hits.incrementAndGet();
        return Uni.createFrom().item(entry.identity());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (maxEntries > 0 && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getRawToken() != null && jwt.getExpirationTime() > 0 && !entries.containsKey(jwt.getRawToken())) {
            remember(jwt, identity);
        }
        return Uni.createFrom().item(identity);
    }

    /** How many requests were served from the cache (for tests and the benchmark). */
    public long hits() {
        return hits.get();
    }

    private void remember(JsonWebToken jwt, SecurityIdentity identity) {
        long now = clock.millis();
        long validUntil = Math.min(jwt.getExpirationTime() * 1000, now + ttl.toMillis());
        if (validUntil <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            dropExpired(now);
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(jwt.getRawToken(), new Entry(withoutRequestState(identity), validUntil));
    }

    private void dropExpired(long now) {
        entries.values().removeIf(entry -> entry.validUntilMillis() <= now);
    }

    /** The identity without what ties it to the request that verified it. */
    private static SecurityIdentity withoutRequestState(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .setAnonymous(false);
        identity.getAttributes().forEach((name, value) -> {
            if (!ROUTING_CONTEXT.equals(name)) {
                builder.addAttribute(name, value);
            }
        });
        return builder.build();
    }
}
