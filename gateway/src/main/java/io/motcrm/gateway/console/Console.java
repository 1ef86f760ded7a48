package io.motcrm.gateway.console;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.gateway.GatewayConfig;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.web.HttpProblems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the staff console (web/, built by {@code npm run build}) at {@code /console/}: its files from
 * {@code motcrm.gateway.console.dir}, {@code index.html} for every client route (a path without a file
 * extension), and {@code /console/config.json}, the runtime settings one build reads in every environment
 * (where Keycloak is, the realm and the client to sign in with). Hashed assets are cached for a year,
 * {@code index.html} and the settings never, so a deploy is picked up by the next navigation.
 */
@ApplicationScoped
public class Console {

    public static final String PREFIX = "/console";

    /**
     * After the security headers, CORS and authentication, before the rate limiter (0): static files cost
     * next to nothing, and staff behind one office address must not share an anonymous bucket for them.
     */
    static final int ORDER = -100;

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_CACHE = "no-cache";

    @Inject
    GatewayConfig config;

    @Inject
    HttpProblems problems;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> oidcServerUrl;

    private Path root;
    private String keycloakUrl;
    private String realm;
    private String settings;

    void install(@Observes Router router) {
        root = Path.of(config.console().dir()).toAbsolutePath().normalize();
        String realmUrl = config.openapi().authServerUrl().or(() -> oidcServerUrl).orElse("http://localhost:8180/realms/motcrm")
                .replaceAll("/+$", "");
        int at = realmUrl.lastIndexOf("/realms/");
        keycloakUrl = config.console().keycloakUrl().orElse(at < 0 ? realmUrl : realmUrl.substring(0, at)).replaceAll("/+$", "");
        realm = config.console().realm().orElse(at < 0 ? "motcrm" : realmUrl.substring(at + "/realms/".length()));
        try {
            settings = mapper.writeValueAsString(Map.of("keycloakUrl", keycloakUrl, "realm", realm,
                    "clientId", config.console().clientId(), "gatewayUrl", ""));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        router.route().order(ORDER).handler(context -> {
            String path = context.normalizedPath();
            if (PREFIX.equals(path)) {
                context.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, PREFIX + "/").end();
            } else if (path != null && path.startsWith(PREFIX + "/")) {
                serve(context);
            } else {
                context.next();
            }
        });
    }

    /** The origin of the Keycloak the console signs in with (for the console's Content-Security-Policy). */
    public String keycloakOrigin() {
        URI uri = URI.create(keycloakUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private void serve(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            context.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            problems.send(context, CommonProblem.METHOD_NOT_ALLOWED, "The console's files can only be read");
            return;
        }
        String relative = context.normalizedPath().substring(PREFIX.length() + 1);
        if (relative.equals("config.json")) {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE).end(settings);
            return;
        }
        Path file = root.resolve(relative.isEmpty() ? "index.html" : relative).normalize();
        if (!file.startsWith(root)) {
            problems.send(context, CommonProblem.NOT_FOUND, "Nothing exists at this path");
            return;
        }
        context.vertx().fileSystem().props(file.toString()).onComplete(props -> {
            if (props.succeeded() && props.result().isRegularFile()) {
                send(context, file);
            } else if (isClientRoute(relative)) {
                sendIndex(context);
            } else {
                problems.send(context, CommonProblem.NOT_FOUND, "Nothing exists at this path");
            }
        });
    }

    /** A path the console's router handles (cases/123, customers): no file extension in its last segment. */
    static boolean isClientRoute(String relative) {
        String last = relative.substring(relative.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    private void sendIndex(RoutingContext context) {
        Path index = root.resolve("index.html");
        context.vertx().fileSystem().exists(index.toString()).onComplete(exists -> {
            if (exists.succeeded() && exists.result()) {
                send(context, index);
            } else {
                problems.send(context, CommonProblem.NOT_FOUND,
                        "The console is not built here: run 'npm ci && npm run build' in web/ (or ./crm up)");
            }
        });
    }

    private void send(RoutingContext context, Path file) {
        String name = file.getFileName().toString();
        boolean hashed = root.relativize(file).startsWith("assets");
        context.response()
                .putHeader(HttpHeaders.CACHE_CONTROL, hashed ? IMMUTABLE : NO_CACHE)
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType(name));
        if (context.request().method() == HttpMethod.HEAD) {
            context.vertx().fileSystem().props(file.toString()).onComplete(props -> context.response()
                    .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(props.succeeded() ? props.result().size() : 0)).end());
            return;
        }
        context.response().sendFile(file.toString());
    }

    static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json", "map" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "webmanifest" -> "application/manifest+json";
            default -> "application/octet-stream";
        };
    }
}
