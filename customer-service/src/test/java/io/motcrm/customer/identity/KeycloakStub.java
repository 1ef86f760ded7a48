package io.motcrm.customer.identity;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the four Keycloak endpoints erasure uses (token, user search by attribute, effective realm
 * roles, delete), holding users the test puts in. Its search matches the attribute loosely (by substring),
 * as a real search may, so the service must check the attribute itself. Tests drive it over HTTP:
 * {@link #addUser}, {@link #deleted}, {@link #answerWith}.
 */
public class KeycloakStub implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "customer-identity";
    static final String SECRET = "test-identity-secret";
    static final String TOKEN = "stub-admin-token";
    static final String REALM = "/admin/realms/motcrm/users";

    /** A user: its id, its customer_id attribute, its realm roles. */
    public record User(String id, String customerId, List<String> roles) {
    }

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = stub();
        return Map.of("motcrm.identity.keycloak-url", url(server), "motcrm.identity.client-id", CLIENT_ID,
                "motcrm.identity.client-secret", SECRET);
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    public static void addUser(String baseUrl, User user) {
        given().contentType("application/json").body(user).post(baseUrl + "/__users").then().statusCode(204);
    }

    /** Ids of the users deleted so far. */
    public static List<String> deleted(String baseUrl) {
        return List.of(given().get(baseUrl + "/__deleted").then().statusCode(200).extract().as(String[].class));
    }

    /** Makes every admin call answer {@code status} (200 for normal service). */
    public static void answerWith(String baseUrl, int status) {
        given().post(baseUrl + "/__status/" + status).then().statusCode(204);
    }

    /** Deletes a user behind the service's back: search and roles still show it, its delete finds nothing (404). */
    public static void vanish(String baseUrl, String userId) {
        given().post(baseUrl + "/__vanish/" + userId).then().statusCode(204);
    }

    private static HttpServer stub() {
        ObjectMapper json = new ObjectMapper();
        Map<String, User> users = new LinkedHashMap<>();
        List<String> vanished = new CopyOnWriteArrayList<>();
        List<String> deleted = new CopyOnWriteArrayList<>();
        int[] status = { 200 };
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                synchronized (users) {
                    String path = exchange.getRequestURI().getPath();
                    String method = exchange.getRequestMethod();
                    if (path.equals("/__users")) {
                        User user = json.readValue(exchange.getRequestBody(), User.class);
                        users.put(user.id(), user);
                        send(exchange, 204, null);
                    } else if (path.equals("/__deleted")) {
                        send(exchange, 200, json.writeValueAsBytes(deleted));
                    } else if (path.startsWith("/__status/")) {
                        status[0] = Integer.parseInt(path.substring("/__status/".length()));
                        send(exchange, 204, null);
                    } else if (path.startsWith("/__vanish/")) {
                        vanished.add(path.substring("/__vanish/".length()));
                        send(exchange, 204, null);
                    } else if (path.equals("/realms/motcrm/protocol/openid-connect/token") && method.equals("POST")) {
                        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                                StandardCharsets.UTF_8));
                        boolean valid = "client_credentials".equals(form.get("grant_type"))
                                && CLIENT_ID.equals(form.get("client_id")) && SECRET.equals(form.get("client_secret"));
                        send(exchange, valid ? 200 : 401, json.writeValueAsBytes(valid
                                ? Map.of("access_token", TOKEN, "expires_in", 300, "token_type", "Bearer",
                                        "not-before-policy", 0, "scope", "profile email")
                                : Map.of("error", "unauthorized_client")));
                    } else if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                        send(exchange, 401, null);
                    } else if (status[0] != 200) {
                        send(exchange, status[0], null);
                    } else if (path.equals(REALM) && method.equals("GET")) {
                        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
                        String wanted = query.getOrDefault("q", "").replaceFirst("^customer_id:", "");
                        boolean full = "false".equals(query.get("briefRepresentation"));
                        List<Map<String, Object>> found = new ArrayList<>();
                        for (User user : users.values()) {
                            if (!wanted.isEmpty() && user.customerId().contains(wanted)) {
                                Map<String, Object> view = new HashMap<>(Map.of("id", user.id(), "username",
                                        "user-" + user.id(), "enabled", true, "createdTimestamp", 1));
                                if (full) {
                                    view.put("attributes", Map.of("customer_id", List.of(user.customerId())));
                                }
                                found.add(view);
                            }
                        }
                        send(exchange, 200, json.writeValueAsBytes(found));
                    } else if (path.startsWith(REALM + "/") && path.endsWith("/role-mappings/realm/composite")) {
                        String id = path.substring(REALM.length() + 1, path.indexOf("/role-mappings"));
                        User user = users.get(id);
                        List<Map<String, Object>> roles = new ArrayList<>();
                        if (user != null) {
                            for (String role : user.roles()) {
                                roles.add(Map.of("id", "role-" + role, "name", role, "composite", false));
                            }
                            roles.add(Map.of("id", "role-default", "name", "default-roles-motcrm", "composite", true));
                        }
                        send(exchange, user == null ? 404 : 200, json.writeValueAsBytes(roles));
                    } else if (path.startsWith(REALM + "/") && method.equals("DELETE")) {
                        String id = path.substring(REALM.length() + 1);
                        boolean present = users.containsKey(id) && !vanished.contains(id);
                        users.remove(id);
                        if (present) {
                            deleted.add(id);
                        }
                        send(exchange, present ? 204 : 404, null);
                    } else {
                        send(exchange, 404, null);
                    }
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String text) {
        Map<String, String> values = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
