package io.motcrm.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One operation of the gateway's OpenAPI document (path template and method), with its path and query
 * parameters and its request body schema, {@code $ref}s resolved.
 */
record ApiOperation(String method, String path, List<Parameter> pathParameters, List<Parameter> queryParameters,
        JsonNode bodySchema, String bodyContentType, boolean streams) {

    record Parameter(String name, JsonNode schema, boolean required) {
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    boolean writes() {
        return !method.equals("GET");
    }

    boolean hasBody() {
        return bodySchema != null;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /** Every operation of the document, in its order. */
    static List<ApiOperation> all(JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> pathItem = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = pathItem.getValue().fields(); items.hasNext();) {
                Map.Entry<String, JsonNode> item = items.next();
                if (METHODS.contains(item.getKey())) {
                    operations.add(of(document, pathItem.getKey(), item.getKey(), pathItem.getValue(), item.getValue()));
                }
            }
        }
        return operations;
    }

    private static ApiOperation of(JsonNode document, String path, String method, JsonNode pathItem, JsonNode operation) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode resolved = resolve(document, parameter);
                parameters.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), resolved);
            }
        }
        List<Parameter> inPath = new ArrayList<>();
        List<Parameter> inQuery = new ArrayList<>();
        parameters.values().forEach(parameter -> {
            Parameter p = new Parameter(parameter.path("name").asText(), resolveSchema(document, parameter.path("schema"), 0),
                    parameter.path("required").asBoolean(false));
            switch (parameter.path("in").asText()) {
                case "path" -> inPath.add(p);
                case "query" -> inQuery.add(p);
                default -> {
                    // Headers (Idempotency-Key, X-Access-Purpose, Last-Event-ID) are set by the caller's rules.
                }
            }
        });
        // A path parameter the document forgot is still a parameter of the template.
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (names.find()) {
            String name = names.group(1);
            if (inPath.stream().noneMatch(p -> p.name().equals(name))) {
                inPath.add(new Parameter(name, JsonNodeFactory.instance.objectNode().put("type", "string"), true));
            }
        }
        JsonNode body = null;
        String contentType = null;
        JsonNode content = resolve(document, operation.path("requestBody")).path("content");
        if (content.isObject() && content.size() > 0) {
            Map.Entry<String, JsonNode> first = content.fields().next();
            contentType = first.getKey();
            body = resolveSchema(document, first.getValue().path("schema"), 0);
        }
        boolean streams = false;
        for (JsonNode response : operation.path("responses")) {
            streams |= resolve(document, response).path("content").has("text/event-stream");
        }
        return new ApiOperation(method.toUpperCase(), path, List.copyOf(inPath), List.copyOf(inQuery), body, contentType, streams);
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            current = document.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    /** The schema with every {@code $ref} inlined (recursion cut at a small depth) and {@code allOf} merged. */
    static JsonNode resolveSchema(JsonNode document, JsonNode schema, int depth) {
        JsonNode resolved = resolve(document, schema);
        if (!resolved.isObject()) {
            return JsonNodeFactory.instance.objectNode();
        }
        ObjectNode copy = ((ObjectNode) resolved).deepCopy();
        copy.remove("$ref");
        if (depth > 6) {
            copy.remove("properties");
            copy.remove("items");
            return copy;
        }
        if (copy.has("allOf")) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            for (JsonNode part : copy.remove("allOf")) {
                JsonNode each = resolveSchema(document, part, depth + 1);
                each.fields().forEachRemaining(field -> {
                    if (field.getValue().isObject() && merged.get(field.getKey()) instanceof ObjectNode into) {
                        into.setAll((ObjectNode) field.getValue());
                    } else if (field.getValue().isArray() && merged.get(field.getKey()) instanceof com.fasterxml.jackson.databind.node.ArrayNode into) {
                        into.addAll((com.fasterxml.jackson.databind.node.ArrayNode) field.getValue());
                    } else {
                        merged.set(field.getKey(), field.getValue());
                    }
                });
            }
            merged.setAll(copy);
            copy = merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (copy.has(choice) && copy.get(choice).size() > 0) {
                JsonNode first = null;
                for (JsonNode option : copy.get(choice)) {
                    if (!"null".equals(option.path("type").asText())) {
                        first = option;
                        break;
                    }
                }
                copy.remove(choice);
                if (first != null) {
                    ObjectNode chosen = (ObjectNode) resolveSchema(document, first, depth + 1);
                    chosen.setAll(copy);
                    copy = chosen;
                }
            }
        }
        if (copy.get("properties") instanceof ObjectNode properties) {
            ObjectNode inlined = JsonNodeFactory.instance.objectNode();
            properties.fields().forEachRemaining(p -> inlined.set(p.getKey(), resolveSchema(document, p.getValue(), depth + 1)));
            copy.set("properties", inlined);
        }
        if (copy.has("items")) {
            copy.set("items", resolveSchema(document, copy.get("items"), depth + 1));
        }
        if (copy.has("additionalProperties") && copy.get("additionalProperties").isObject()) {
            copy.set("additionalProperties", resolveSchema(document, copy.get("additionalProperties"), depth + 1));
        }
        return copy;
    }

    /** The schema's type; OpenAPI 3.1 lists of types give their first non-null one. */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "";
    }
}
