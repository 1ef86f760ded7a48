package io.motcrm.gateway.edge;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.motcrm.gateway.GatewayConfig;
import io.motcrm.gateway.routing.RouteTable;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.web.HttpProblems;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Rate limits per client, with a token bucket per client and class: a signed-in caller is known by
 * the token's subject (a partner by its client, {@code azp}), an anonymous one by its address. Classes
 * and their rates are configured ({@code motcrm.gateway.rate-limit.classes.*}): {@code user},
 * {@code partner}, {@code anonymous}, and tighter ones a route names for its anonymous callers (the
 * public feedback form's {@code anonymous-feedback}). Over the limit: 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimiter {

    /** After authentication (-200) and authorization (-100), before any route serves the request. */
    static final int ORDER = 0;

    @Inject
    GatewayConfig config;

    @Inject
    RouteTable routes;

    @Inject
    HttpProblems problems;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        if (!config.rateLimit().enabled()) {
            return;
        }
        router.route().order(ORDER).handler(this::handle);
        vertx.setPeriodic(Math.max(1000, config.rateLimit().evictEvery().toMillis()), id -> evictIdle());
    }

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (path == null || path.equals("/q") || path.startsWith("/q/")) {
            context.next();
            return;
        }
        SecurityIdentity identity = Callers.identity(context);
        String rateClass;
        String client;
        if (identity == null) {
            rateClass = routes.under(path).map(RouteTable.Route::anonymousRateClass).orElse("anonymous");
            client = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
        } else if (identity.hasRole(Roles.PARTNER)) {
            rateClass = "partner";
            client = claim(identity, "azp", "sub");
        } else {
            rateClass = "user";
            client = claim(identity, "sub", "azp");
        }
        long wait = take(rateClass, client);
        if (wait == 0) {
            context.next();
            return;
        }
        Log.debugf("Rate limit %s reached", rateClass);
        context.response().putHeader("Retry-After", Long.toString(wait));
        problems.send(context, CommonProblem.RATE_LIMITED, "Too many requests; retry after " + wait + " s");
    }

    /** Takes a token from the client's bucket of a class: 0 when allowed, else seconds to wait. */
    long take(String rateClass, String client) {
        GatewayConfig.Bucket limits = config.rateLimit().classes().get(rateClass);
        if (limits == null) {
            limits = config.rateLimit().classes().get("anonymous");
        }
        if (limits == null) {
            return 0;
        }
        GatewayConfig.Bucket chosen = limits;
        long now = clock.millis();
        return buckets.computeIfAbsent(rateClass + "|" + client, key -> new TokenBucket(chosen.capacity(), chosen.perSecond(), now))
                .take(now);
    }

    private void evictIdle() {
        long now = clock.millis();
        buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now));
    }

    private static String claim(SecurityIdentity identity, String first, String second) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String name : new String[] { first, second }) {
                Object value = token.getClaim(name);
                if (value != null && !value.toString().isBlank()) {
                    return name + ":" + (value instanceof jakarta.json.JsonString json ? json.getString() : value.toString());
                }
            }
        }
        return "principal:" + identity.getPrincipal().getName();
    }
}
