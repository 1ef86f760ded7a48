package io.motcrm.platform.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A correlation id on every request and response: taken from {@value #HEADER} when the caller (the
 * gateway, another service) sends a well-formed one, made up otherwise; echoed in the response and put in
 * the log context as {@value #MDC_KEY}, which the log format prints on every line.
 */
@ApplicationScoped
public class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String id = accept(context.request().getHeader(HEADER));
            MDC.put(MDC_KEY, id);
            context.put(MDC_KEY, id);
            context.response().putHeader(HEADER, id);
            context.next();
        });
    }

    /** The caller's id when it is well formed (no log injection), otherwise a new one. */
    public static String accept(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The correlation id of a request (on the event loop, where the log context may belong to another). */
    public static String of(RoutingContext context) {
        String id = context.get(MDC_KEY);
        return id == null ? "" : id;
    }

    /** The correlation id of the request being served, if any. */
    public static Optional<String> current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? Optional.empty() : Optional.of(id.toString());
    }
}
