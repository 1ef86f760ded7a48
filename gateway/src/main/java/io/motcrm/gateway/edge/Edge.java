package io.motcrm.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.motcrm.gateway.console.Console;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.web.HttpProblems;

import io.motcrm.platform.web.CorrelationId;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What every answer of the gateway gets, whatever serves it: the correlation id the platform's
 * {@link CorrelationId} filter gave the request, and the security headers.
 */
@ApplicationScoped
public class Edge {

    /** Runs after the platform's correlation id and before CORS (-300) and authentication (-200). */
    static final int ORDER = Integer.MIN_VALUE + 10;

    /** For API answers: nothing may be loaded, framed or sniffed. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI needs its own scripts, styles and images, and to call the API and the identity provider. */
    static final String UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src *; frame-ancestors 'none'";

    /** The web origins allowed to call the API from a browser (the same list Quarkus' CORS filter uses). */
    @ConfigProperty(name = "quarkus.http.cors.origins")
    Optional<List<String>> origins;

    @Inject
    HttpProblems problems;

    @Inject
    Console console;

    /** The staff console: its own scripts and styles only; it calls the gateway and, for tokens, Keycloak. */
    static String consoleCsp(String keycloakOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + keycloakOrigin + "; frame-src 'none'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    /**
     * A browser request from an origin that is not allowed gets a problem body saying so, where the CORS filter
     * would answer an empty 403. Same-origin requests (Swagger UI served here) and requests without an Origin
     * (servers, partners' backends) are not CORS requests.
     */
    private boolean refusedOrigin(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null || origins.orElse(List.of()).contains(origin)) {
            return false;
        }
        String host = context.request().getHeader("Host");
        return host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private void handle(RoutingContext context) {
        String id = CorrelationId.of(context);
        String path = context.normalizedPath();
        boolean ui = isUi(path);
        boolean consolePage = path != null && (path.equals(Console.PREFIX) || path.startsWith(Console.PREFIX + "/"));
        context.addHeadersEndHandler(ignored -> {
            var headers = context.response().headers();
            headers.set(CorrelationId.HEADER, id);
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", consolePage ? consoleCsp(console.keycloakOrigin()) : ui ? UI_CSP : API_CSP);
            headers.remove("Server");
        });
        if (refusedOrigin(context)) {
            problems.send(context, CommonProblem.FORBIDDEN,
                    "This web origin may not call the API; operators list allowed origins in MOTCRM_GATEWAY_CORS_ORIGINS");
            return;
        }
        context.next();
    }

    static boolean isUi(String path) {
        return path != null && (path.startsWith("/swagger-ui") || path.startsWith("/q/swagger-ui")
                || path.startsWith("/q/dev-ui"));
    }
}
