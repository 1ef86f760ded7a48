package io.motcrm.gateway.openapi;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.motcrm.gateway.GatewayConfig;
import io.motcrm.gateway.routing.RouteTable;
import io.motcrm.gateway.routing.Upstreams;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.web.HttpProblems;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code GET /openapi}: one document for everything the gateway exposes, made from its own
 * document and the services' ({@code /q/openapi?format=json}), fetched on demand and kept for
 * {@code motcrm.gateway.openapi.refresh-after}. A service that cannot be reached contributes its last
 * good document; until it has one, the document is rebuilt on the next request after a short pause.
 */
@ApplicationScoped
public class OpenApiAggregator {

    static final List<String> TARGETS = List.of("customer-api", "feedback-api", "loyalty-api");
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY_INCOMPLETE_AFTER = Duration.ofSeconds(10);

    @Inject
    Upstreams upstreams;

    @Inject
    RouteTable routes;

    @Inject
    GatewayConfig config;

    @Inject
    HttpProblems problems;

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    /** Empty where the gateway trusts a fixed key instead of a realm (benchmarks). */
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> oidcServerUrl;

    private final Map<String, JsonNode> lastGood = new ConcurrentHashMap<>();
    private volatile Cached cached;
    private Future<Buffer> building;

    private record Cached(Buffer document, long builtAt, boolean complete) {
    }

    void install(@Observes Router router) {
        router.get("/openapi").handler(this::serve);
    }

    private void serve(RoutingContext context) {
        int selfPort = context.request().localAddress().port();
        document(selfPort).onComplete(done -> {
            if (done.succeeded()) {
                context.response().putHeader("Content-Type", "application/json").end(done.result());
            } else {
                Log.warnf("The OpenAPI document cannot be built: %s", done.cause().getMessage());
                problems.send(context, CommonProblem.SERVICE_UNAVAILABLE, "The API document cannot be built now");
            }
        });
    }

    synchronized Future<Buffer> document(int selfPort) {
        Cached current = cached;
        long age = current == null ? Long.MAX_VALUE : System.currentTimeMillis() - current.builtAt();
        Duration freshFor = current != null && current.complete() ? config.openapi().refreshAfter() : RETRY_INCOMPLETE_AFTER;
        if (current != null && age < freshFor.toMillis()) {
            return Future.succeededFuture(current.document());
        }
        if (building == null) {
            building = build(selfPort).andThen(done -> {
                synchronized (this) {
                    building = null;
                }
            });
        }
        // While a rebuild runs, callers get the document they had, if there was one.
        return current != null ? Future.succeededFuture(current.document()) : building;
    }

    private Future<Buffer> build(int selfPort) {
        Future<JsonNode> own = fetch(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(selfPort)
                .setURI("/q/openapi?format=json"));
        Map<String, Future<JsonNode>> services = new LinkedHashMap<>();
        for (String target : TARGETS) {
            services.put(target, fetch(upstreams.options(target, HttpMethod.GET, "/q/openapi?format=json"))
                    .recover(error -> {
                        Log.warnf("No OpenAPI document from %s: %s", target, error.getMessage());
                        return Future.succeededFuture(lastGood.get(target));
                    })
                    .andThen(done -> {
                        if (done.result() != null) {
                            lastGood.put(target, done.result());
                        }
                    }));
        }
        List<Future<?>> all = new java.util.ArrayList<>(services.values());
        all.add(own);
        return Future.join(all).transform(ignored -> {
            if (own.failed()) {
                return Future.failedFuture(own.cause());
            }
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            services.forEach((target, future) -> documents.put(target, future.result()));
            ObjectNode merged = new OpenApiDocument(routes, config.openapi().authServerUrl().or(() -> oidcServerUrl).orElse("http://localhost:8180/realms/motcrm"))
                    .merge(own.result(), documents);
            try {
                Buffer document = Buffer.buffer(mapper.writeValueAsBytes(merged));
                boolean complete = documents.values().stream().allMatch(java.util.Objects::nonNull);
                synchronized (this) {
                    cached = new Cached(document, System.currentTimeMillis(), complete);
                }
                return Future.succeededFuture(document);
            } catch (IOException e) {
                return Future.failedFuture(e);
            }
        });
    }

    private Future<JsonNode> fetch(RequestOptions options) {
        Promise<JsonNode> result = Promise.promise();
        options.putHeader("Accept", "application/json").setIdleTimeout(FETCH_TIMEOUT.toMillis());
        long timer = vertx.setTimer(FETCH_TIMEOUT.toMillis(), id -> result.tryFail("timeout"));
        upstreams.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                    try {
                        return mapper.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new IllegalStateException("not JSON");
                    }
                }))
                .onComplete(done -> {
                    vertx.cancelTimer(timer);
                    if (done.succeeded()) {
                        result.tryComplete(done.result());
                    } else {
                        result.tryFail(done.cause());
                    }
                });
        return result.future();
    }

    /** Forgets the built document, so the next request rebuilds it (tests). */
    public synchronized void forget() {
        cached = null;
    }
}
