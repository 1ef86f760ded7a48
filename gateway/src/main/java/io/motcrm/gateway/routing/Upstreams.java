package io.motcrm.gateway.routing;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.motcrm.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The services behind the gateway, found at {@code quarkus.rest-client.<target>.url}, and the one
 * non-blocking HTTP client (with a connection pool per service) that reaches them.
 */
@ApplicationScoped
public class Upstreams {

    @Inject
    Vertx vertx;

    @Inject
    Config config;

    @Inject
    GatewayConfig gateway;

    private volatile HttpClient client;
    private final Map<String, URI> bases = new ConcurrentHashMap<>();

    public HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setKeepAlive(true)
                            .setKeepAliveTimeout(30)
                            .setConnectTimeout((int) gateway.upstream().connectTimeout().toMillis())
                            .setDecompressionSupported(false),
                            new PoolOptions().setHttp1MaxSize(gateway.upstream().maxConnections()));
                }
                current = client;
            }
        }
        return current;
    }

    /** The base URL of a target, e.g. {@code loyalty-api}. */
    public URI base(String target) {
        return bases.computeIfAbsent(target, key -> URI.create(config.getValue("quarkus.rest-client." + key + ".url", String.class)
                .replaceAll("/+$", "")));
    }

    /** Request options for {@code pathAndQuery} (starting with '/') at a target. */
    public RequestOptions options(String target, HttpMethod method, String pathAndQuery) {
        URI base = base(target);
        boolean ssl = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80;
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        return new RequestOptions()
                .setMethod(method)
                .setHost(base.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setURI(basePath + pathAndQuery);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
