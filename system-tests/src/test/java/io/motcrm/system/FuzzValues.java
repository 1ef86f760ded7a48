package io.motcrm.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * What FuzzIT sends: hostile path segments and query values (jqwik arbitraries), plausible instances of
 * a request schema, and the mutations that make such an instance malformed.
 */
final class FuzzValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FuzzValues() {
    }

    /** How a request body is spoiled. Every one should make a write fail validation. */
    enum BodyMutation {
        DROP_REQUIRED_FIELD, WRONG_TYPE, NULL_FIELD, HUGE_STRING, CONTROL_CHARACTERS, EDGE_NUMBER, UNKNOWN_FIELD, ARRAY_INSTEAD_OF_OBJECT,
        SCALAR_BODY, MALFORMED_JSON, WRONG_CONTENT_TYPE, EMPTY_BODY
    }

    /** Path segments, already percent-encoded where needed, that no handler should choke on. */
    static Arbitrary<String> hostileSegments() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("-1", "0", "1", "9223372036854775808", "-9223372036854775809", "1.5", "1e400",
                        "NaN", "null", "undefined", "true", "%5B%5D", "%7B%7D", "%20", "%00", "..", "...", "..%2F..%2Fadmin",
                        "..%2F..%2Finternal%2Fv1%2Fcompensations", "%2e%2e%2f%2e%2e%2fq%2fhealth", "..;", "%3B", "%25",
                        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid",
                        "123e4567-e89b-12d3-a456-42661417400", "123e4567e89b12d3a456426614174000",
                        "%27%20OR%20%271%27%3D%271", "%27%3B%20DROP%20TABLE%20customers%3B--", "%3Cscript%3E",
                        "%F0%9F%98%80", "%C0%AE%C0%AE", "%FF%FE", "2026-13", "0000-00", "9999-99", "2026-1")),
                Tuple.of(3, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40).map(FuzzValues::encode)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0100', '\ud7ff').ofMinLength(1).ofMaxLength(30).map(FuzzValues::encode)),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1000).ofMaxLength(2500)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)));
    }

    /** Query parameter values (raw; they are encoded when the URI is made). */
    static Arbitrary<String> hostileQueryValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("-1", "0", "1000000000", "2147483648", "9223372036854775808", "-9223372036854775809",
                        "1.5", "1e3", "abc", "", " ", "null", "true", "[]", "{}", "\u0000", "%", "..", "2026-02-30T25:61:00Z",
                        "2026-11-23", "9999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "P1D", "not-a-uuid",
                        "00000000-0000-0000-0000-000000000000", "' OR '1'='1", "<script>")),
                Tuple.of(2, Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1000).ofMaxLength(2000)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(-5, 5).map(String::valueOf)));
    }

    static String encode(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A plausible valid value for a path or query parameter (a plain string when nothing better is known). */
    static String validParameter(String name, JsonNode schema, Random random) {
        String lower = name.toLowerCase();
        if (lower.equals("page")) {
            return "0";
        }
        if (lower.equals("size") || lower.equals("limit")) {
            return "20";
        }
        if (lower.equals("month")) {
            return "2026-10";
        }
        JsonNode value = instance(schema, random, 0);
        return value.isValueNode() ? value.asText() : "x";
    }

    /** A plausible instance of the schema. */
    static JsonNode instance(JsonNode schema, Random random, int depth) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        if (schema.has("default") && !schema.get("default").isNull()) {
            return schema.get("default");
        }
        String format = schema.path("format").asText();
        switch (ApiOperation.typeOf(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    schema.path("properties").fields().forEachRemaining(
                            property -> object.set(property.getKey(), instance(property.getValue(), random, depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 5) {
                    array.add(instance(schema.path("items"), random, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long minimum = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                long maximum = schema.has("maximum") ? schema.get("maximum").asLong() : minimum + 10;
                return NODES.numberNode(minimum + (maximum > minimum ? random.nextInt((int) Math.min(maximum - minimum, 10)) : 0));
            }
            case "number" -> {
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() + 1 : 1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.textNode(switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date-time" -> Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
                    case "date" -> LocalDate.now().toString();
                    case "email" -> "fuzz." + random.nextInt(1_000_000) + "@example.com";
                    case "uri", "url" -> "https://example.com/fuzz";
                    case "duration" -> "PT1H";
                    default -> "fuzz" + random.nextInt(1000);
                });
            }
        }
    }

    /** The body bytes and content type for a mutation of a plausible instance of the schema. */
    static Body mutate(BodyMutation mutation, JsonNode schema, String contentType, Random random) {
        JsonNode instance = instance(schema, random, 0);
        String json = contentType == null ? "application/json" : contentType;
        switch (mutation) {
            case DROP_REQUIRED_FIELD -> {
                if (instance instanceof ObjectNode object && object.size() > 0) {
                    List<String> required = new ArrayList<>();
                    schema.path("required").forEach(name -> required.add(name.asText()));
                    List<String> candidates = required.isEmpty() ? names(object) : required;
                    object.remove(candidates.get(random.nextInt(candidates.size())));
                    return new Body(object.toString(), json, "drop field");
                }
                return new Body("{}", json, "drop field (empty object)");
            }
            case WRONG_TYPE -> {
                return new Body(replaceField(instance, schema, random, any -> true, wrongTypeFor(random)).toString(), json, "wrong type");
            }
            case NULL_FIELD -> {
                return new Body(replaceField(instance, schema, random, any -> true, current -> NODES.nullNode()).toString(), json,
                        "null field");
            }
            case HUGE_STRING -> {
                String huge = "\u00e9".repeat(60_000 + random.nextInt(20_000));
                return new Body(replaceField(instance, schema, random, JsonNode::isTextual, current -> NODES.textNode(huge)).toString(),
                        json, "huge string");
            }
            case CONTROL_CHARACTERS -> {
                // Each with a NUL, which PostgreSQL cannot store: a write that reaches the database must still be refused.
                String[] texts = { "a\u0000b", "\u0000", "\u0000\u001f\u007f", "\u202e\u0000evil", "\ufffe\uffff\u0000" };
                String text = texts[random.nextInt(texts.length)];
                return new Body(replaceField(instance, schema, random, JsonNode::isTextual, current -> NODES.textNode(text)).toString(),
                        json, "control characters");
            }
            case EDGE_NUMBER -> {
                String[] edges = { "-1", "0", "-9223372036854775809", "9223372036854775808", "2147483648", "1e400", "-1e400",
                        "1.0000000000000000001", "1e-400", "0.5", "-0.0", "123456789012345678901234567890" };
                String edge = edges[random.nextInt(edges.length)];
                String marker = "\"__edge__\"";
                List<ContainerField> fields = new ArrayList<>();
                collect(instance, fields);
                if (fields.stream().noneMatch(f -> f.value().isNumber())) {
                    // No number to spoil: the body is the number.
                    return new Body(edge, json, "edge number " + edge + " as the body");
                }
                String replaced = replaceField(instance, schema, random, JsonNode::isNumber, current -> NODES.textNode("__edge__")).toString();
                return new Body(replaced.replace(marker, edge), json, "edge number " + edge);
            }
            case UNKNOWN_FIELD -> {
                ObjectNode object = instance instanceof ObjectNode o ? o : NODES.objectNode();
                object.put(random.nextBoolean() ? "zzUnknownField" : "isAdmin", random.nextBoolean() ? "x" : "true");
                object.put("customerId", UUID.randomUUID().toString());
                return new Body(object.toString(), json, "unknown fields");
            }
            case ARRAY_INSTEAD_OF_OBJECT -> {
                return new Body(NODES.arrayNode().add(instance).toString(), json, "array instead of object");
            }
            case SCALAR_BODY -> {
                String[] scalars = { "null", "true", "0", "-1", "\"text\"", "1e400", "\"\"" };
                return new Body(scalars[random.nextInt(scalars.length)], json, "scalar body");
            }
            case MALFORMED_JSON -> {
                String valid = instance.toString();
                String[] broken = { valid.substring(0, Math.max(1, valid.length() / 2)), "{\"a\":", "{'a': 1}", "{\"a\": 1,}",
                        valid + "}", "{\"a\": NaN}", "{\"a\": undefined}", "\ufeff" + valid, "[".repeat(5_000) + "]".repeat(5_000),
                        "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000), "{\"a\": \"\\ud800\"}", "{\"a\": 1}{\"b\": 2}",
                        "\u0000\u0001\u0002", "<xml/>", "a=1&b=2" };
                return new Body(broken[random.nextInt(broken.length)], json, "malformed JSON");
            }
            case WRONG_CONTENT_TYPE -> {
                // With an unknown field as well: a service that reads the body as JSON anyway must still refuse it.
                ObjectNode object = instance instanceof ObjectNode o ? o : NODES.objectNode();
                object.put("zzUnknownField", 1);
                String[] types = { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                        "application/octet-stream", "application/json; charset=ebcdic", "application/json; charset=utf-16",
                        "application/problem+json", "*/*", "json", "" };
                String type = types[random.nextInt(types.length)];
                return new Body(object.toString(), type, "content type '" + type + "' and an unknown field");
            }
            case EMPTY_BODY -> {
                return new Body("", random.nextBoolean() ? json : null, "empty body");
            }
            default -> throw new IllegalStateException(mutation.name());
        }
    }

    /** A request body: its text, its Content-Type (none when null or empty) and what was done to it. */
    record Body(String text, String contentType, String mutation) {
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static java.util.function.Function<JsonNode, JsonNode> wrongTypeFor(Random random) {
        return current -> {
            // Values are taken as declared: a number is no string, "5" no number, 2.5 no whole number, 1 no boolean.
            if (current.isTextual()) {
                return switch (random.nextInt(3)) {
                    case 0 -> NODES.arrayNode().add("a");
                    case 1 -> NODES.objectNode().put("a", 1);
                    default -> NODES.numberNode(5);
                };
            }
            if (current.isNumber()) {
                return switch (random.nextInt(4)) {
                    case 0 -> NODES.textNode("forty-two");
                    case 1 -> NODES.objectNode();
                    case 2 -> NODES.textNode(current.asText());
                    default -> current.isIntegralNumber() ? NODES.numberNode(current.asLong() + 0.5) : NODES.booleanNode(true);
                };
            }
            if (current.isBoolean()) {
                return switch (random.nextInt(3)) {
                    case 0 -> NODES.textNode("yes");
                    case 1 -> NODES.numberNode(1);
                    default -> NODES.textNode(String.valueOf(current.asBoolean()));
                };
            }
            if (current.isArray()) {
                return NODES.objectNode().put("0", 1);
            }
            if (current.isObject()) {
                return NODES.arrayNode().add(1);
            }
            return NODES.numberNode(7);
        };
    }

    /**
     * Replaces one field of the instance: a required top-level field of the wanted kind if there is one (so that
     * the request is really invalid), else any field of that kind at any depth, else any field; a non-object
     * instance is replaced itself.
     */
    private static JsonNode replaceField(JsonNode instance, JsonNode schema, Random random,
            java.util.function.Predicate<JsonNode> wanted, java.util.function.Function<JsonNode, JsonNode> replacement) {
        List<ContainerField> fields = new ArrayList<>();
        collect(instance, fields);
        if (fields.isEmpty()) {
            return replacement.apply(instance);
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        List<ContainerField> preferred = fields.stream()
                .filter(f -> f.container() == instance && required.contains(f.name()) && wanted.test(f.value())).toList();
        if (preferred.isEmpty()) {
            preferred = fields.stream().filter(f -> wanted.test(f.value())).toList();
        }
        List<ContainerField> from = preferred.isEmpty() ? fields : preferred;
        ContainerField chosen = from.get(random.nextInt(from.size()));
        if (chosen.container() instanceof ObjectNode object) {
            object.set(chosen.name(), replacement.apply(object.get(chosen.name())));
        } else if (chosen.container() instanceof ArrayNode array) {
            array.set(chosen.index(), replacement.apply(array.get(chosen.index())));
        }
        return instance;
    }

    private record ContainerField(JsonNode container, String name, int index) {

        JsonNode value() {
            return name != null ? container.get(name) : container.get(index);
        }
    }

    private static void collect(JsonNode node, List<ContainerField> fields) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                String name = names.next();
                fields.add(new ContainerField(object, name, -1));
                collect(object.get(name), fields);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                fields.add(new ContainerField(array, null, i));
                collect(array.get(i), fields);
            }
        }
    }
}
