package io.motcrm.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.motcrm.gateway.GatewayConfig.Access;
import io.motcrm.gateway.routing.RouteTable;

/**
 * Merges the gateway's own OpenAPI document with the services' into the one public document: only
 * paths the gateway really forwards to the service that documents them are kept, schema names that
 * clash between services are prefixed with the service's name, and the security is the gateway's
 * (bearer token, or Keycloak's authorization code flow with PKCE); anonymous routes need none.
 */
final class OpenApiDocument {

    static final String BEARER = "bearer";
    static final String OIDC = "oidc";
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final String CODES = "x-problem-codes";
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    /** The audiences operations are tagged with, in the order a reader meets them. */
    static final Map<String, String> AUDIENCES = audiences();

    private static Map<String, String> audiences() {
        Map<String, String> audiences = new java.util.LinkedHashMap<>();
        audiences.put("Customer app", "What the members' app and the public feedback page call: a signed-in customer's "
                + "own data under /api/v1/me (the customer is the token's customer_id), and anonymous feedback");
        audiences.put("Staff", "The staff console: agents, supervisors and admins at moments of truth; reads of "
                + "customer data state their purpose in X-Access-Purpose");
        audiences.put("Partner", "Partner companies' backends (client credentials, role partner): redemptions, earns, "
                + "settlements");
        audiences.put("Operator", "Admin-only operations: audits, partner management");
        return java.util.Collections.unmodifiableMap(audiences);
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final RouteTable routes;
    private final String authServerUrl;

    OpenApiDocument(RouteTable routes, String authServerUrl) {
        this.routes = routes;
        this.authServerUrl = authServerUrl.replaceAll("/+$", "");
    }

    /**
     * @param own      the gateway's own document
     * @param services each target ({@code customer-api}, ...) with its document, or null when it could not be had
     */
    ObjectNode merge(JsonNode own, Map<String, JsonNode> services) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("openapi", own.path("openapi").asText("3.0.3"));
        result.set("info", own.path("info").deepCopy());
        result.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = result.putObject("paths");
        ObjectNode components = result.putObject("components");
        ObjectNode schemas = components.putObject("schemas");

        own.path("paths").fields().forEachRemaining(path -> {
            if (routes.isOwn(path.getKey()) || path.getKey().startsWith("/api/")) {
                paths.set(path.getKey(), withGatewayProblems(clean(path.getValue().deepCopy(), Access.AUTHENTICATED), false));
            }
        });
        own.path("components").path("schemas").fields().forEachRemaining(schema -> schemas.set(schema.getKey(), schema.getValue()));

        List<String> unavailable = new ArrayList<>();
        services.forEach((target, document) -> {
            if (document == null) {
                unavailable.add(target);
                return;
            }
            ObjectNode copy = document.deepCopy();
            Map<String, String> renames = new HashMap<>();
            copy.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
                JsonNode existing = schemas.get(name);
                if (existing != null && !existing.equals(copy.path("components").path("schemas").get(name))) {
                    renames.put(name, prefix(target) + name);
                }
            });
            rewriteRefs(copy, renames);
            copy.path("components").path("schemas").fields().forEachRemaining(
                    schema -> schemas.set(renames.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
            for (String section : List.of("parameters", "responses", "requestBodies", "headers", "examples")) {
                copy.path("components").path(section).fields().forEachRemaining(item -> {
                    ObjectNode into = components.has(section) ? (ObjectNode) components.get(section) : components.putObject(section);
                    into.putIfAbsent(item.getKey(), item.getValue());
                });
            }
            copy.path("paths").fields().forEachRemaining(path -> {
                var route = routes.match(path.getKey());
                if (route.isPresent() && route.get().upstream().equals(target)) {
                    ObjectNode operations = withGatewayProblems(clean((ObjectNode) path.getValue(), route.get().access()), true);
                    if (paths.has(path.getKey())) {
                        ObjectNode existing = (ObjectNode) paths.get(path.getKey());
                        operations.fields().forEachRemaining(op -> existing.putIfAbsent(op.getKey(), op.getValue()));
                    } else {
                        paths.set(path.getKey(), operations);
                    }
                }
            });
        });

        ObjectNode securitySchemes = components.putObject("securitySchemes");
        securitySchemes.putObject(BEARER).put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "An access token from the motcrm realm (users: authorization code; partners: client credentials)");
        ObjectNode flows = securitySchemes.putObject(OIDC).put("type", "oauth2")
                .put("description", "Keycloak's motcrm realm; public clients use the authorization code flow with PKCE (S256)")
                .putObject("flows");
        ObjectNode code = flows.putObject("authorizationCode")
                .put("authorizationUrl", authServerUrl + "/protocol/openid-connect/auth")
                .put("tokenUrl", authServerUrl + "/protocol/openid-connect/token");
        code.putObject("scopes").put("openid", "Sign in");
        code.put("x-pkce", "S256");
        flows.putObject("clientCredentials")
                .put("tokenUrl", authServerUrl + "/protocol/openid-connect/token")
                .putObject("scopes");
        ArrayNode security = result.putArray("security");
        security.addObject().putArray(BEARER);
        security.addObject().putArray(OIDC);

        ArrayNode tags = result.putArray("tags");
        Set<String> tagNames = new TreeSet<>();
        paths.forEach(item -> item.forEach(operation -> operation.path("tags").forEach(tag -> tagNames.add(tag.asText()))));
        AUDIENCES.forEach((name, description) -> {
            if (tagNames.remove(name)) {
                tags.addObject().put("name", name).put("description", description);
            }
        });
        tagNames.forEach(tag -> tags.addObject().put("name", tag));
        keepOnlyUsedSchemas(result);

        ObjectNode coverage = result.putObject("x-motcrm-coverage");
        ArrayNode undocumented = coverage.putArray("undocumentedPrefixes");
        undocumentedPrefixes(paths).forEach(undocumented::add);
        ArrayNode missing = coverage.putArray("unavailableServices");
        unavailable.forEach(missing::add);
        return result;
    }

    /**
     * What the gateway itself can answer on top of the operation's own answers: 429 for every operation, and for a
     * forwarded one 502, 503 and 504 when the service cannot be reached, has been failing, or is too slow.
     */
    private static ObjectNode withGatewayProblems(ObjectNode pathItem, boolean forwarded) {
        pathItem.fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey()) && entry.getValue() instanceof ObjectNode operation) {
                ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
                addProblem(responses, "429", "rate-limited", true);
                if (forwarded) {
                    addProblem(responses, "502", "upstream-unavailable", false);
                    addProblem(responses, "503", "upstream-suspended", true);
                    addProblem(responses, "504", "upstream-timeout", false);
                }
                sortByName(responses);
            }
        });
        return pathItem;
    }

    private static void addProblem(ObjectNode responses, String status, String code, boolean retryAfter) {
        ObjectNode response = responses.has(status) ? (ObjectNode) responses.get(status) : responses.putObject(status);
        String description = response.path("description").asText("");
        if (!description.contains("`" + code + "`")) {
            response.put("description", description.isEmpty() ? "Problem codes: `" + code + "`" : description + "; also `" + code + "`");
        }
        ArrayNode codes = response.has(CODES) ? (ArrayNode) response.get(CODES) : JsonNodeFactory.instance.arrayNode();
        boolean listed = false;
        for (JsonNode listedCode : codes) {
            listed |= listedCode.asText().equals(code);
        }
        if (!listed) {
            codes.add(code);
        }
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.putObject(PROBLEM_MEDIA_TYPE).putObject("schema").put("$ref", SCHEMA_REF + "Problem");
        response.set("content", content);
        response.set(CODES, codes);
        if (retryAfter && !response.path("headers").has("Retry-After")) {
            ObjectNode headers = response.has("headers") ? (ObjectNode) response.get("headers") : response.putObject("headers");
            headers.putObject("Retry-After").put("description", "Seconds to wait before trying again")
                    .putObject("schema").put("type", "integer").put("format", "int32");
        }
    }

    /** Members in name order (answers by status, schemas by name), so that the document reads and diffs alike. */
    private static void sortByName(ObjectNode object) {
        Map<String, JsonNode> sorted = new java.util.TreeMap<>();
        object.fields().forEachRemaining(entry -> sorted.put(entry.getKey(), entry.getValue()));
        object.removeAll();
        sorted.forEach(object::set);
    }

    /** Schemas no operation reaches (e.g. those of /internal operations) are left out. */
    private static void keepOnlyUsedSchemas(ObjectNode document) {
        ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
        Set<String> used = new java.util.HashSet<>();
        java.util.Deque<JsonNode> todo = new java.util.ArrayDeque<>();
        todo.add(document.path("paths"));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                    String name = ref.asText().substring(SCHEMA_REF.length());
                    if (used.add(name) && schemas.has(name)) {
                        todo.add(schemas.get(name));
                    }
                }
            }
            node.forEach(todo::add);
        }
        List<String> unused = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (!used.contains(name)) {
                unused.add(name);
            }
        });
        schemas.remove(unused);
        sortByName(schemas);
    }

    /** Routed prefixes for which no documented path exists. */
    List<String> undocumentedPrefixes(JsonNode paths) {
        List<String> undocumented = new ArrayList<>();
        for (RouteTable.Route route : routes.routes()) {
            boolean documented = false;
            for (Iterator<String> names = paths.fieldNames(); names.hasNext();) {
                String path = names.next();
                if (path.equals(route.prefix()) || path.startsWith(route.prefix() + "/")) {
                    documented = true;
                    break;
                }
            }
            if (!documented) {
                undocumented.add(route.prefix());
            }
        }
        return undocumented;
    }

    /** The gateway's security replaces each service's own; anonymous routes need none. */
    private static ObjectNode clean(ObjectNode pathItem, Access access) {
        pathItem.fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey()) && entry.getValue() instanceof ObjectNode operation) {
                operation.remove("security");
                // "Internal" marks what the suite's own services call; through the gateway the other audiences count.
                if (operation.get("tags") instanceof ArrayNode tags) {
                    for (int i = tags.size() - 1; i >= 0; i--) {
                        if (tags.get(i).asText().equals("Internal") && tags.size() > 1) {
                            tags.remove(i);
                        }
                    }
                }
                if (access == Access.ANONYMOUS) {
                    operation.putArray("security");
                }
            }
        });
        return pathItem;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String renamed = renames.get(ref.asText().substring(SCHEMA_REF.length()));
                if (renamed != null) {
                    object.put("$ref", SCHEMA_REF + renamed);
                }
            }
            object.fields().forEachRemaining(field -> rewriteRefs(field.getValue(), renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteRefs(element, renames));
        }
    }

    private static String prefix(String target) {
        String service = target.replace("-api", "");
        return Character.toUpperCase(service.charAt(0)) + service.substring(1);
    }
}
