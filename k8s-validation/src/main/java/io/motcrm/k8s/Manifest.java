package io.motcrm.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** One Kubernetes object of a rendered manifest, as the JSON tree the API server would receive. */
public record Manifest(JsonObject json) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Every object of a multi-document YAML stream, in order; empty documents are skipped. */
    public static List<Manifest> parseAll(String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new IllegalArgumentException("a YAML document is not an object: " + document);
                }
                manifests.add(new Manifest(JsonParser.parseString(document.toString()).getAsJsonObject()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifests;
    }

    public String apiVersion() {
        return string(json, "apiVersion");
    }

    public String kind() {
        return string(json, "kind");
    }

    public String name() {
        return string(object(json, "metadata"), "name");
    }

    public JsonObject metadata() {
        return object(json, "metadata");
    }

    public JsonObject spec() {
        return object(json, "spec");
    }

    /** "Kind/name", how problems name the object. */
    public String id() {
        return kind() + "/" + name();
    }

    // Small null-tolerant accessors for the JSON tree: a missing member reads as empty.

    static JsonObject object(JsonObject parent, String member) {
        if (parent == null) {
            return new JsonObject();
        }
        JsonElement element = parent.get(member);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
    }

    static List<JsonObject> objects(JsonObject parent, String member) {
        List<JsonObject> list = new ArrayList<>();
        if (parent != null && parent.get(member) != null && parent.get(member).isJsonArray()) {
            parent.getAsJsonArray(member).forEach(e -> {
                if (e.isJsonObject()) {
                    list.add(e.getAsJsonObject());
                }
            });
        }
        return list;
    }

    static List<String> strings(JsonObject parent, String member) {
        List<String> list = new ArrayList<>();
        if (parent != null && parent.get(member) != null && parent.get(member).isJsonArray()) {
            parent.getAsJsonArray(member).forEach(e -> list.add(e.isJsonPrimitive() ? e.getAsString() : e.toString()));
        }
        return list;
    }

    static String string(JsonObject parent, String member) {
        if (parent == null) {
            return null;
        }
        JsonElement element = parent.get(member);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    static boolean has(JsonObject parent, String member) {
        return parent != null && parent.get(member) != null && !parent.get(member).isJsonNull();
    }
}
