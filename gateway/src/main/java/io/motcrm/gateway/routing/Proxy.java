package io.motcrm.gateway.routing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.MDC;

import io.motcrm.platform.web.CorrelationId;
import io.motcrm.gateway.GatewayConfig.Access;
import io.motcrm.gateway.GatewayProblem;
import io.motcrm.gateway.edge.Callers;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemType;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.web.HttpProblems;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards the public routes to the services without blocking: method, path, query and the headers
 * a service needs go upstream, the body streams both ways (server-sent events included), and the
 * caller's token is passed on after the gateway has verified it. A service that does not start its
 * answer within the route's timeout gives 504, one that cannot be reached 502; a service whose
 * circuit is open ({@link CircuitBreakers}) gets no request and the caller 503 with Retry-After.
 */
@ApplicationScoped
public class Proxy {

    /** After rate limiting (0); before the default routes, so REST serves only the gateway's own operations. */
    static final int ORDER = 100;

    /** Request headers passed upstream; everything else (cookies, hop-by-hop headers) stays here. */
    static final List<String> FORWARDED_REQUEST_HEADERS = List.of("Authorization", "X-Access-Purpose", "Idempotency-Key",
            "Last-Event-ID", "Accept", "Accept-Language", "Content-Type", "Content-Encoding", "If-Match", "If-None-Match",
            "traceparent", "tracestate");

    /** Response headers that describe one hop only, or that the gateway sets itself. */
    static final Set<String> DROPPED_RESPONSE_HEADERS = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "server",
            "access-control-allow-origin", "access-control-allow-credentials", "access-control-expose-headers");

    private static final Set<HttpMethod> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    @Inject
    RouteTable routes;

    @Inject
    Upstreams upstreams;

    @Inject
    HttpProblems problems;

    @Inject
    CircuitBreakers breakers;

    @Inject
    Vertx vertx;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var match = routes.match(context.normalizedPath());
        if (match.isEmpty()) {
            context.next();
            return;
        }
        RouteTable.Route route = match.get();
        SecurityIdentity identity = Callers.identity(context);
        if (route.access() != Access.ANONYMOUS && identity == null) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            problems.send(context, CommonProblem.UNAUTHORIZED, "Sign in to use this operation");
            return;
        }
        if (route.access() == Access.PARTNER && !identity.hasRole(Roles.PARTNER)) {
            problems.send(context, CommonProblem.FORBIDDEN, "Only partner clients may use the partner API");
            return;
        }
        CircuitBreaker.Permit permit = breakers.tryAcquire(route.upstream());
        if (permit == null) {
            HttpServerResponse response = context.response();
            response.putHeader("Retry-After", String.valueOf(breakers.of(route.upstream()).retryAfter().toSeconds()));
            if (!context.request().isEnded()) {
                // The body is not read: the connection cannot serve another request.
                response.putHeader(HttpHeaders.CONNECTION, "close");
            }
            problems.send(context, GatewayProblem.UPSTREAM_SUSPENDED,
                    "The service has been failing; try again after the Retry-After delay");
            return;
        }
        new Exchange(context, route, permit).start();
    }

    /**
     * A service names a created resource by its own address (http://loyalty:8083/partner/v1/...); the client
     * knows only the gateway's, so the Location it gets is the path, resolved against the URL it called.
     */
    static String relativeLocation(String location) {
        try {
            java.net.URI uri = java.net.URI.create(location);
            if (!uri.isAbsolute()) {
                return location;
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    /** One forwarded request: the state shared by its callbacks. */
    private final class Exchange {

        private final RoutingContext context;
        private final RouteTable.Route route;
        private final CircuitBreaker.Permit permit;
        private final HttpServerRequest in;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final long started = System.nanoTime();
        private HttpClientRequest out;
        private long timer = -1;
        private long received;

        Exchange(RoutingContext context, RouteTable.Route route, CircuitBreaker.Permit permit) {
            this.context = context;
            this.route = route;
            this.permit = permit;
            this.in = context.request();
        }

        void start() {
            in.pause();
            String query = in.query();
            String uri = context.normalizedPath() + (query == null || query.isEmpty() ? "" : "?" + query);
            var options = upstreams.options(route.upstream(), in.method(), uri);
            for (String name : FORWARDED_REQUEST_HEADERS) {
                for (String value : in.headers().getAll(name)) {
                    options.addHeader(name, value);
                }
            }
            options.putHeader(CorrelationId.HEADER, CorrelationId.of(context));
            // The client's address as resolved here (X-Forwarded-For counts only from trusted proxies).
            if (in.remoteAddress() != null) {
                options.putHeader("X-Forwarded-For", in.remoteAddress().hostAddress());
            }
            options.putHeader("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
            if (in.authority() != null) {
                options.putHeader("X-Forwarded-Host", in.authority().toString());
            }
            timer = vertx.setTimer(route.timeout().toMillis(), id -> fail(GatewayProblem.UPSTREAM_TIMEOUT,
                    "No answer from the service within " + route.timeout().toMillis() + " ms"));
            context.response().closeHandler(ignored -> abandon());
            upstreams.client().request(options).onComplete(connected -> {
                if (connected.failed()) {
                    fail(GatewayProblem.UPSTREAM_UNAVAILABLE, "The service cannot be reached");
                    return;
                }
                out = connected.result();
                if (settled.get()) {
                    out.reset();
                    return;
                }
                out.response().onComplete(answer -> {
                    if (answer.succeeded()) {
                        respond(answer.result());
                    } else {
                        fail(GatewayProblem.UPSTREAM_UNAVAILABLE, "The service closed the connection without an answer");
                    }
                });
                sendBody();
            });
        }

        private void sendBody() {
            String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean hasBody;
            if (length != null) {
                hasBody = !"0".equals(length.trim());
            } else if (in.version() == HttpVersion.HTTP_2) {
                // HTTP/2 frames the body itself: without a length, any method that may carry one streams it.
                hasBody = !BODILESS.contains(in.method());
            } else {
                hasBody = in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
            }
            if (length != null) {
                out.putHeader(HttpHeaders.CONTENT_LENGTH, length.trim());
            } else if (hasBody) {
                out.setChunked(true);
            }
            if (in.isEnded() || !hasBody) {
                out.end();
                in.resume();
                return;
            }
            in.handler(this::forward);
            in.endHandler(ignored -> {
                if (!settled.get()) {
                    out.end();
                }
            });
            in.exceptionHandler(error -> abandon());
            in.resume();
        }

        private void forward(Buffer chunk) {
            received += chunk.length();
            if (received > route.maxBodySize()) {
                in.handler(null);
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                fail(CommonProblem.PAYLOAD_TOO_LARGE, "The body may be at most " + route.maxBodySize() + " bytes");
                return;
            }
            if (settled.get()) {
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(ignored -> in.resume());
            }
        }

        private void respond(HttpClientResponse answer) {
            if (!settled.compareAndSet(false, true)) {
                answer.request().reset();
                return;
            }
            vertx.cancelTimer(timer);
            permit.answered(answer.statusCode());
            HttpServerResponse response = context.response();
            response.setStatusCode(answer.statusCode());
            if (answer.statusMessage() != null) {
                response.setStatusMessage(answer.statusMessage());
            }
            answer.headers().forEach((name, value) -> {
                if (name.equalsIgnoreCase("Location")) {
                    response.headers().add(name, relativeLocation(value));
                } else if (!DROPPED_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    response.headers().add(name, value);
                }
            });
            if (answer.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                response.setChunked(true);
            }
            String type = answer.getHeader(HttpHeaders.CONTENT_TYPE);
            boolean stream = type != null && type.startsWith("text/event-stream");
            if (stream) {
                // A subscriber learns at once that the stream is open, not with the first event or keep-alive.
                response.writeHead();
            }
            long idle = route.idleTimeout().toMillis();
            long[] lastData = { System.nanoTime() };
            boolean[] waitingForClient = { false };
            // A body that stalls is cut off; an event stream may rightly stay quiet for long. Time the
            // client takes to read (back-pressure) does not count against the service.
            long watch = stream ? -1 : vertx.setPeriodic(Math.max(50, idle / 4), id -> {
                if (!waitingForClient[0] && System.nanoTime() - lastData[0] > idle * 1_000_000) {
                    vertx.cancelTimer(id);
                    answer.request().reset();
                    response.reset();
                    log(-1);
                }
            });
            answer.handler(chunk -> {
                lastData[0] = System.nanoTime();
                response.write(chunk);
                if (response.writeQueueFull()) {
                    waitingForClient[0] = true;
                    answer.pause();
                    response.drainHandler(ignored -> {
                        waitingForClient[0] = false;
                        lastData[0] = System.nanoTime();
                        answer.resume();
                    });
                }
            });
            answer.exceptionHandler(error -> {
                vertx.cancelTimer(watch);
                if (!response.ended()) {
                    // The answer broke off: cut the connection so the client cannot take it as complete.
                    response.reset();
                }
            });
            answer.endHandler(ignored -> {
                vertx.cancelTimer(watch);
                if (!response.ended()) {
                    response.end();
                }
                log(answer.statusCode());
            });
        }

        private void fail(ProblemType problem, String detail) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            vertx.cancelTimer(timer);
            if (problem == GatewayProblem.UPSTREAM_UNAVAILABLE || problem == GatewayProblem.UPSTREAM_TIMEOUT) {
                permit.failed();
            } else {
                permit.released();
            }
            if (out != null) {
                out.reset();
            }
            if (!in.isEnded()) {
                // The rest of the body is not read: the connection cannot serve another request.
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
            }
            in.resume();
            problems.send(context, problem, detail);
            log(problem.status());
        }

        /** The client went away: stop the upstream request (e.g. an event stream) too. */
        private void abandon() {
            settled.set(true);
            permit.released();
            vertx.cancelTimer(timer);
            if (out != null) {
                out.reset();
            }
        }

        /** One line per request, under the request's correlation id (callbacks may run on the upstream connection's context). */
        private void log(int status) {
            if (!Log.isDebugEnabled()) {
                return;
            }
            Object previous = MDC.get(CorrelationId.MDC_KEY);
            MDC.put(CorrelationId.MDC_KEY, CorrelationId.of(context));
            try {
                Log.debugf("%s %s -> %s %d in %d ms", in.method(), route.prefix(), route.upstream(), status,
                        (System.nanoTime() - started) / 1_000_000);
            } finally {
                if (previous == null) {
                    MDC.remove(CorrelationId.MDC_KEY);
                } else {
                    MDC.put(CorrelationId.MDC_KEY, previous.toString());
                }
            }
        }
    }
}
