package io.motcrm.customer;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stand-ins for loyalty-service and feedback-service's internal event endpoints, so that tests run the
 * outbox relay for real: each records the POSTs it accepts and answers with a status the test sets.
 * Points {@code quarkus.rest-client.loyalty-api.url} and {@code feedback-api.url} at them. Tests talk to
 * a stand-in over HTTP ({@link #received}, {@link #answerWith}), which works whatever class loader the
 * test runs in.
 */
public class EventReceivers implements QuarkusTestResourceLifecycleManager {

    /** A request a stand-in accepted. */
    public record Received(String path, String idempotencyKey, String body) {
    }

    private HttpServer loyalty;
    private HttpServer feedback;

    @Override
    public Map<String, String> start() {
        loyalty = receiver();
        feedback = receiver();
        return Map.of("quarkus.rest-client.loyalty-api.url", url(loyalty),
                "quarkus.rest-client.feedback-api.url", url(feedback));
    }

    @Override
    public void stop() {
        loyalty.stop(0);
        feedback.stop(0);
    }

    /** What the stand-in at {@code baseUrl} accepted so far, oldest first. */
    public static List<Received> received(String baseUrl) {
        return List.of(given().get(baseUrl + "/__received").then().statusCode(200).extract().as(Received[].class));
    }

    /** Makes the stand-in at {@code baseUrl} answer every event with {@code status}. */
    public static void answerWith(String baseUrl, int status) {
        given().post(baseUrl + "/__status/" + status).then().statusCode(204);
    }

    private static HttpServer receiver() {
        List<Received> received = new CopyOnWriteArrayList<>();
        int[] status = { 200 };
        ObjectMapper json = new ObjectMapper();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/__received")) {
                    byte[] body = json.writeValueAsBytes(received);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } else if (path.startsWith("/__status/")) {
                    status[0] = Integer.parseInt(path.substring("/__status/".length()));
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    int answer = status[0];
                    if (answer < 300) {
                        received.add(new Received(path, exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
                    }
                    exchange.sendResponseHeaders(answer, -1);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
