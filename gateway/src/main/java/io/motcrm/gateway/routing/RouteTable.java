package io.motcrm.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.gateway.GatewayConfig;
import io.motcrm.gateway.GatewayConfig.Access;

/**
 * Which public paths go where (docs/contracts.md, "Public routes"). Only the listed prefixes are
 * forwarded; {@code /internal}, {@code /admin} and {@code /q} paths of the services never are, and
 * the gateway's own operations (customer 360 and privacy exports) are answered here, not forwarded.
 * Operations staff need through the gateway live under a routed prefix, never under {@code /admin}
 * (e.g. customer-service's {@code POST /api/v1/customers/insight/recompute}, admin role).
 */
@ApplicationScoped
public class RouteTable {

    /** Paths the gateway answers itself although they lie under a forwarded prefix. */
    private static final List<Pattern> OWN = List.of(
            Pattern.compile("/api/v1/customers/[^/]+/360"),
            Pattern.compile("/api/v1/customers/[^/]+/export"));

    private static final List<String> NEVER = List.of("/internal", "/admin", "/q");

    /** One prefix of a route, resolved. */
    public record Route(String name, String prefix, String upstream, Access access, Duration timeout,
            Duration idleTimeout, long maxBodySize, String anonymousRateClass) {

        boolean covers(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private final List<Route> routes = new ArrayList<>();

    @Inject
    public RouteTable(GatewayConfig config) {
        config.routes().forEach((name, route) -> {
            for (String prefix : route.prefixes()) {
                String clean = prefix.replaceAll("/+$", "");
                if (NEVER.stream().anyMatch(never -> clean.equals(never) || clean.startsWith(never + "/"))) {
                    throw new IllegalStateException("Route " + name + " may not forward " + clean);
                }
                routes.add(new Route(name, clean, route.upstream(), route.access(), route.timeout(),
                        route.idleTimeout(), route.maxBodySize().asLongValue(), route.anonymousRateClass()));
            }
        });
        // Longest prefix first, so /public/v1/feedback never falls into a shorter /public prefix.
        routes.sort(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed());
    }

    /** The route forwarding this (normalized) path, if any. */
    public Optional<Route> match(String path) {
        if (path == null || isOwn(path)) {
            return Optional.empty();
        }
        for (Route route : routes) {
            if (route.covers(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** The route a path falls under, the gateway's own operations included (for rate limits). */
    public Optional<Route> under(String path) {
        return routes.stream().filter(route -> route.covers(path)).findFirst();
    }

    public boolean isOwn(String path) {
        return OWN.stream().anyMatch(own -> own.matcher(path).matches());
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
