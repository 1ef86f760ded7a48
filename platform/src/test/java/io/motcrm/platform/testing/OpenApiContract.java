package io.motcrm.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules every operation of a service's OpenAPI document follows (the gateway's merged document is
 * linted with the same rules by Spectral, {@code api/.spectral.yaml}): a unique camelCase operationId,
 * audience tags only, a success answer with a schema (or 204, or an event stream), and every error answer
 * a problem.
 */
public final class OpenApiContract {

    /** Who an operation is for: the tags the public document groups operations by. */
    public static final Set<String> AUDIENCES = Set.of("Customer app", "Staff", "Partner", "Operator", "Internal");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiContract() {
    }

    /** What is wrong with the document, one line per fault; empty when it follows the rules. */
    public static List<String> faults(String json) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> faults = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext();) {
                Map.Entry<String, JsonNode> item = items.next();
                if (!METHODS.contains(item.getKey())) {
                    continue;
                }
                String name = item.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = item.getValue();
                String id = operation.path("operationId").asText("");
                if (!id.matches("[a-z][A-Za-z0-9]+")) {
                    faults.add(name + ": no camelCase operationId");
                } else if (ids.putIfAbsent(id, name) != null) {
                    faults.add(name + ": operationId " + id + " is also " + ids.get(id));
                }
                if (operation.path("tags").isEmpty()) {
                    faults.add(name + ": no audience tag");
                }
                operation.path("tags").forEach(tag -> {
                    if (!AUDIENCES.contains(tag.asText())) {
                        faults.add(name + ": tag '" + tag.asText() + "' is not one of " + AUDIENCES);
                    }
                });
                faults.addAll(responseFaults(name, operation.path("responses")));
            }
        }
        return faults;
    }

    private static List<String> responseFaults(String name, JsonNode responses) {
        List<String> faults = new ArrayList<>();
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> codes = responses.fields(); codes.hasNext();) {
            Map.Entry<String, JsonNode> response = codes.next();
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2")) {
                success = true;
                if (status.equals("204")) {
                    if (!content.isMissingNode() && !content.isEmpty()) {
                        faults.add(name + ": 204 with a body");
                    }
                    continue;
                }
                if (content.isEmpty()) {
                    faults.add(name + ": " + status + " has no body schema");
                }
                content.fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        faults.add(name + ": " + status + " " + media.getKey() + " has an empty schema");
                    }
                });
                if (status.equals("201") && response.getValue().path("headers").path("Location").isMissingNode()
                        && !response.getValue().has("x-no-location")) {
                    faults.add(name + ": 201 without a Location header");
                }
            } else if (status.startsWith("4") || status.startsWith("5")) {
                if (content.path("application/problem+json").isMissingNode()) {
                    faults.add(name + ": " + status + " is not a problem");
                }
            } else {
                faults.add(name + ": answer '" + status + "' is neither a success nor an error");
            }
        }
        if (!success) {
            faults.add(name + ": no success answer");
        }
        return faults;
    }
}
