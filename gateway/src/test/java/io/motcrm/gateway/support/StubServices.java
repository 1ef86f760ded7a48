package io.motcrm.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.motcrm.platform.testing.FaultProxy;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The three services as small HTTP servers in the test JVM, each behind a {@link FaultProxy} so a
 * test can take one down or make it hang. They answer:
 * <ul>
 * <li>{@code /q/openapi}: a document from {@code stub-openapi/<target>.json};</li>
 * <li>the reads the gateway's aggregates make, with what they received (token, purpose, correlation id);</li>
 * <li>{@code /api/v1/mot/stream}: an event stream, one event, a pause, a second event;</li>
 * <li>anything else: an echo of method, path, query, headers and body;</li>
 * </ul>
 * {@code ?stubDelayMs=N} delays any answer, {@link #slow} every answer of a service; customer {@link #SLOW_LOYALTY} has a slow balance and
 * {@link #UNKNOWN} is not known to customer-service.
 */
public final class StubServices {

    public static final UUID SLOW_LOYALTY = UUID.fromString("00000000-0000-0000-0000-00000000510e");
    public static final UUID UNKNOWN = UUID.fromString("00000000-0000-0000-0000-0000000404aa");
    public static final String CUSTOMER = "customer-api";
    public static final String FEEDBACK = "feedback-api";
    public static final String LOYALTY = "loyalty-api";

    private static final Pattern CUSTOMER_PATH = Pattern.compile("/api/v1/customers/([^/]+)(/export)?");
    private static final Pattern LOYALTY_PATH = Pattern.compile("/api/v1/loyalty/customers/([^/]+)/(balance|export)");
    private static final Pattern FEEDBACK_PATH = Pattern.compile("/api/v1/feedback/customers/([^/]+)/(summary|export)");

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final Map<String, FaultProxy> proxies = new ConcurrentHashMap<>();
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    private final Map<String, Long> slowness = new ConcurrentHashMap<>();

    public StubServices start() {
        for (String target : new String[] { CUSTOMER, FEEDBACK, LOYALTY }) {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(target, request));
            try {
                server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            servers.put(target, server);
            proxies.put(target, FaultProxy.to(server.actualPort(), FaultProxy.Mode.UP));
        }
        return this;
    }

    public String url(String target) {
        return "http://127.0.0.1:" + proxies.get(target).port();
    }

    public FaultProxy proxy(String target) {
        return proxies.get(target);
    }

    /** Makes a service hang: open connections are cut, new ones are accepted and never answered. */
    public void hang(String target) {
        down(target);
        switchMode(proxies.get(target), FaultProxy.Mode.BLACKHOLE);
    }

    /**
     * Takes a service down: connections are refused and open ones cut. Done twice, because a
     * connection the proxy was accepting at that very moment can slip past the first cut.
     */
    public void down(String target) {
        proxies.get(target).mode(FaultProxy.Mode.DOWN);
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        proxies.get(target).mode(FaultProxy.Mode.DOWN);
    }

    /** Listening again on the same port right after closing it may need a moment. */
    private static void switchMode(FaultProxy proxy, FaultProxy.Mode mode) {
        for (int attempt = 1;; attempt++) {
            try {
                proxy.mode(mode);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 50) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Makes every answer of a service this status until {@link #reset()}. */
    public void failWith(String target, int status) {
        failing.put(target, status);
    }

    /** Delays every answer of a service by this much until {@link #reset()}. */
    public void slow(String target, long millis) {
        slowness.put(target, millis);
    }

    public void reset() {
        failing.clear();
        slowness.clear();
        proxies.values().forEach(proxy -> switchMode(proxy, FaultProxy.Mode.UP));
    }

    public void stop() {
        proxies.values().forEach(FaultProxy::close);
        vertx.close();
    }

    private void handle(String target, HttpServerRequest request) {
        request.body().onSuccess(body -> {
            long delay = delayOf(target, request);
            Runnable answer = () -> answer(target, request, body.toString(StandardCharsets.UTF_8));
            if (delay > 0) {
                vertx.setTimer(delay, id -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    private long delayOf(String target, HttpServerRequest request) {
        String delay = request.getParam("stubDelayMs");
        if (delay != null) {
            return Long.parseLong(delay);
        }
        if (slowness.containsKey(target)) {
            return slowness.get(target);
        }
        if (target.equals(LOYALTY) && request.path().equals("/api/v1/loyalty/customers/" + SLOW_LOYALTY + "/balance")) {
            return 5000;
        }
        return 0;
    }

    private void answer(String target, HttpServerRequest request, String body) {
        var response = request.response().putHeader("X-Stub-Service", target)
                // A service's own answer headers that the gateway must not let through.
                .putHeader("Access-Control-Allow-Origin", "*");
        Integer status = failing.get(target);
        if (status != null) {
            response.setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", status).encode());
            return;
        }
        String path = request.path();
        if (path.equals("/q/openapi")) {
            response.putHeader("Content-Type", "application/json").end(resource("stub-openapi/" + target + ".json"));
            return;
        }
        if (path.equals("/api/v1/mot/stream")) {
            response.setChunked(true).putHeader("Content-Type", "text/event-stream");
            response.write("id: 1\nevent: case-changed\ndata: {\"n\":1}\n\n");
            vertx.setTimer(3000, id -> response.end("id: 2\nevent: case-changed\ndata: {\"n\":2}\n\n"));
            return;
        }
        if (path.equals("/api/v1/mot/stream/quiet")) {
            // Open at once, first event only after 3 s (as a real stream with nothing to say yet).
            response.setChunked(true).putHeader("Content-Type", "text/event-stream").writeHead();
            vertx.setTimer(3000, id -> response.end("id: 1\nevent: case-changed\ndata: {\"n\":1}\n\n"));
            return;
        }
        if (path.equals("/api/v1/cases/stalled")) {
            // Starts a JSON answer and never finishes it.
            response.setChunked(true).putHeader("Content-Type", "application/json").write("{\"items\":[");
            return;
        }
        JsonObject received = new JsonObject()
                .put("authorization", request.getHeader("Authorization"))
                .put("purpose", request.getHeader("X-Access-Purpose"))
                .put("correlationId", request.getHeader("X-Correlation-Id"));
        Matcher customer = CUSTOMER_PATH.matcher(path);
        if (target.equals(CUSTOMER) && customer.matches() && request.method().name().equals("GET")) {
            if (customer.group(1).equals(UNKNOWN.toString())) {
                response.setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("status", 404).put("code", "customer-not-found").encode());
                return;
            }
            JsonObject data = customer.group(2) == null
                    ? new JsonObject().put("id", customer.group(1)).put("memberCode", "M-0001").put("status", "active")
                    : new JsonObject().put("profile", new JsonObject().put("id", customer.group(1))).put("consents", new io.vertx.core.json.JsonArray());
            json(response, data.put("received", received));
            return;
        }
        Matcher loyalty = LOYALTY_PATH.matcher(path);
        if (target.equals(LOYALTY) && loyalty.matches()) {
            json(response, loyalty.group(2).equals("balance")
                    ? new JsonObject().put("customerId", loyalty.group(1)).put("available", 1200).put("held", 0)
                            .put("locked", 300).put("tier", "silver").put("received", received)
                    : new JsonObject().put("account", new JsonObject().put("customerId", loyalty.group(1))).put("received", received));
            return;
        }
        Matcher feedback = FEEDBACK_PATH.matcher(path);
        if (target.equals(FEEDBACK) && feedback.matches()) {
            json(response, feedback.group(2).equals("summary")
                    ? new JsonObject()
                            .put("openCases", new io.vertx.core.json.JsonArray().add(new JsonObject().put("id", "c-1")
                                    .put("status", "in_progress").put("priority", "high").put("ownerName", "agent-kim")))
                            .put("recentFeedback", new io.vertx.core.json.JsonArray().add(new JsonObject().put("id", "f-1")
                                    .put("type", "complaint").put("nps", 3)))
                            .put("nps", new JsonObject().put("score", -20).put("responses", 5))
                    : new JsonObject().put("feedback", new io.vertx.core.json.JsonArray()).put("received", received));
            return;
        }
        JsonObject headers = new JsonObject();
        MultiMap all = request.headers();
        all.names().forEach(name -> headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", all.getAll(name))));
        json(response, new JsonObject().put("service", target).put("method", request.method().name()).put("path", path)
                .put("query", request.query()).put("headers", headers).put("body", body).put("bodyLength", body.length()));
    }

    private static void json(io.vertx.core.http.HttpServerResponse response, JsonObject body) {
        response.putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static String resource(String name) {
        try (InputStream in = StubServices.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
