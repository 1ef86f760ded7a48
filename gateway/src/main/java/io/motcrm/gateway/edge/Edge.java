package io.motcrm.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String id = CorrelationId.of(context);
        boolean ui = isUi(context.normalizedPath());
        context.addHeadersEndHandler(ignored -> {
            var headers = context.response().headers();
            headers.set(CorrelationId.HEADER, id);
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", ui ? UI_CSP : API_CSP);
            headers.remove("Server");
        });
        context.next();
    }

    static boolean isUi(String path) {
        return path != null && (path.startsWith("/swagger-ui") || path.startsWith("/q/swagger-ui")
                || path.startsWith("/q/dev-ui"));
    }
}
