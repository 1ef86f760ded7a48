package io.motcrm.loyalty;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * customer-service as loyalty-service's outbox sees it: a stub on a free loopback port that accepts every POST and
 * keeps what it received, so that tests can check what the relay delivers (e.g. staff reads to the access log).
 */
public class CustomerServiceStub implements QuarkusTestResourceLifecycleManager {

    /** One request the stub received. */
    public record Received(String path, String idempotencyKey, String authorization, String body) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public static List<Received> received() {
        return RECEIVED;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                RECEIVED.add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return Map.of("quarkus.rest-client.customer-api.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
