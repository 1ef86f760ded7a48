package io.motcrm.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every answer the system tests get from the gateway is checked against the gateway's own OpenAPI document:
 * the operation must document the status, the media type, and a schema the body satisfies. Object schemas
 * are read as closed (a member the document does not name fails), except the problem schema, whose extension
 * members depend on the problem code. Requests to paths the document does not have (the tests' probes of
 * unknown or forbidden routes) are not checked.
 */
final class Contract implements Filter {

    private static final String BASE = "https://motcrm.test/openapi.json";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    /** Schemas whose extra members are by design: a problem's members depend on its code; AnyJson is any value. */
    private static final List<String> OPEN_SCHEMAS = List.of("Problem", "AnyJson");

    /** Refuses what lenient parsers take: a member named twice in one object. */
    private static final ObjectMapper STRICT = tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    final AtomicInteger checked = new AtomicInteger();

    private record Template(String path, Pattern pattern, int literalLength) {
    }

    Contract(String documentJson) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode closed = (ObjectNode) mapper.readTree(documentJson);
        this.document = closed.deepCopy();
        close(closed.path("components").path("schemas"));
        close(closed.path("paths"));
        String text = mapper.writeValueAsString(closed);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(BASE, text)));
        for (Iterator<String> paths = document.path("paths").propertyNames().iterator(); paths.hasNext();) {
            String path = paths.next();
            String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            templates.add(new Template(path, Pattern.compile(regex), path.replaceAll("\\{[^}]+}", "").length()));
        }
        // The most literal template first, so that a fixed segment wins over a parameter in the same place.
        templates.sort(Comparator.comparingInt(Template::literalLength).reversed());
    }

    /** The document's operations, counted (method and path). */
    int operations() {
        int count = 0;
        for (JsonNode item : document.path("paths")) {
            for (String method : METHODS) {
                count += item.has(method) ? 1 : 0;
            }
        }
        return count;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (!request.getURI().startsWith(Suite.GATEWAY)) {
            return response;
        }
        List<String> faults = faults(request.getMethod(), uri.getRawPath(), response.statusCode(),
                response.contentType(), response.asString());
        if (!faults.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + uri.getRawPath() + " ("
                    + response.statusCode() + ") breaks the API contract:\n  " + String.join("\n  ", faults)
                    + "\nBody: " + abbreviated(response.asString()));
        }
        return response;
    }

    /** What is wrong with an answer, by the document; empty when it is as documented or not an operation. */
    List<String> faults(String method, String rawPath, int status, String contentType, String body) {
        String template = templateOf(rawPath);
        String verb = method.toLowerCase(Locale.ROOT);
        if (template == null || !document.path("paths").path(template).has(verb)) {
            return List.of();
        }
        checked.incrementAndGet();
        String operation = verb.toUpperCase(Locale.ROOT) + " " + template;
        JsonNode responses = document.path("paths").path(template).path(verb).path("responses");
        String code = String.valueOf(status);
        if (!responses.has(code)) {
            return List.of(operation + " does not document status " + code + " (it documents " + names(responses) + ")");
        }
        JsonNode content = responses.path(code).path("content");
        String media = contentType == null || contentType.isBlank() ? "" : contentType.split(";")[0].trim();
        if (body == null || body.isEmpty()) {
            return content.isEmpty() || status == 304 || verb.equals("head") ? List.of()
                    : List.of(operation + " " + code + " documents a body (" + names(content) + ") but none came");
        }
        if (!content.has(media)) {
            return List.of(operation + " " + code + " does not document " + media + " (it documents " + names(content) + ")");
        }
        if (!media.endsWith("json")) {
            return List.of();
        }
        try {
            STRICT.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            // e.g. a problem with "status" twice: parsers disagree on which one counts.
            return List.of(operation + " " + code + ": the body is not strict JSON: " + e.getOriginalMessage());
        }
        String pointer = "/paths/" + escape(template) + "/" + verb + "/responses/" + code + "/content/" + escape(media)
                + "/schema";
        Schema schema = schemas.computeIfAbsent(pointer, key -> registry.getSchema(SchemaLocation.of(BASE + "#" + key)));
        List<Error> errors = schema.validate(body, com.networknt.schema.InputFormat.JSON);
        List<String> faults = new ArrayList<>();
        for (Error error : errors) {
            faults.add(operation + " " + code + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        return faults;
    }

    private String templateOf(String rawPath) {
        for (Template template : templates) {
            if (template.pattern().matcher(rawPath).matches()) {
                return template.path();
            }
        }
        return null;
    }

    /** Object schemas that list their members and say nothing of others take no others (unevaluatedProperties). */
    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
            object.values().forEach(Contract::close);
            for (String open : OPEN_SCHEMAS) {
                if (object.path(open).isObject()) {
                    ((ObjectNode) object.get(open)).remove("unevaluatedProperties");
                }
            }
        } else if (node != null && node.isArray()) {
            node.values().forEach(Contract::close);
        }
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names.toString();
    }

    private static String abbreviated(String body) {
        return body.length() <= 600 ? body : body.substring(0, 597) + "...";
    }
}
