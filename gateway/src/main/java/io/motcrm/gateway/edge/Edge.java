package io.motcrm.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.MDC;

import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.web.HttpProblems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What every request and answer gets, whatever serves it: a correlation id (taken from a
 * well-formed {@value #CORRELATION_ID} or made here, passed upstream, returned, and in the log MDC as
 * {@value #MDC_KEY}), the security headers, and a problem body for a rejected bearer token.
 */
@ApplicationScoped
public class Edge {

    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    /** Runs before CORS (-300) and authentication (-200), so their answers carry the headers too. */
    static final int ORDER = Integer.MIN_VALUE + 10;

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    /** For API answers: nothing may be loaded, framed or sniffed. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI needs its own scripts, styles and images, and to call the API and the identity provider. */
    static final String UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src *; frame-ancestors 'none'";

    @Inject
    HttpProblems problems;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
        router.route().order(ORDER).failureHandler(this::failure);
    }

    /** The correlation id of the current request. */
    public static String correlationId(RoutingContext context) {
        String id = context.get(MDC_KEY);
        return id == null ? "" : id;
    }

    private void handle(RoutingContext context) {
        String given = context.request().getHeader(CORRELATION_ID);
        String id = given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.put(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        boolean ui = isUi(context.normalizedPath());
        context.addHeadersEndHandler(ignored -> {
            var headers = context.response().headers();
            headers.set(CORRELATION_ID, id);
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", ui ? UI_CSP : API_CSP);
            headers.remove("Server");
        });
        context.addEndHandler(ignored -> MDC.remove(MDC_KEY));
        context.next();
    }

    private void failure(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException && !(failure instanceof AuthenticationRedirectException)) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            problems.send(context, CommonProblem.UNAUTHORIZED, "The bearer token is not valid");
        } else {
            context.next();
        }
    }

    static boolean isUi(String path) {
        return path != null && (path.startsWith("/swagger-ui") || path.startsWith("/q/swagger-ui")
                || path.startsWith("/q/dev-ui"));
    }
}
