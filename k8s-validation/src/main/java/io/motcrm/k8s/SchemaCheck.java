package io.motcrm.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Checks each object against the Kubernetes API schema: it must deserialise into the client-java model
 * class of its apiVersion and kind, strictly. The generated models reject unknown and mistyped fields
 * ({@code validateJsonElement}); as a second guard, the object is serialised back and every field of
 * the input must still be there, so a field the model silently dropped is reported too. Custom
 * resources get a structural check of their own ({@link CnpgClusterCheck}).
 */
final class SchemaCheck {

    static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class));

    private static final Gson GSON = JSON.getGson();

    private SchemaCheck() {
    }

    static List<String> check(Manifest manifest) {
        String type = manifest.apiVersion() + "/" + manifest.kind();
        if (manifest.apiVersion() == null || manifest.kind() == null || manifest.name() == null) {
            return List.of("an object without apiVersion, kind or metadata.name: " + abbreviate(manifest.json().toString()));
        }
        if (CNPG_CLUSTER.equals(type)) {
            return CnpgClusterCheck.check(manifest);
        }
        Class<?> model = MODELS.get(type);
        if (model == null) {
            return List.of(manifest.id() + ": " + type + " is not a kind this validator knows; add its model class"
                    + " to SchemaCheck (or a structural check for a custom resource)");
        }
        return strict(manifest.id(), manifest.json(), model);
    }

    /** Deserialises {@code json} into {@code model} strictly; the problems found, prefixed with {@code id}. */
    static List<String> strict(String id, JsonElement json, Class<?> model) {
        Object parsed;
        try {
            parsed = GSON.fromJson(json, model);
        } catch (RuntimeException e) {
            return List.of(id + ": does not match the " + model.getSimpleName() + " schema: " + reason(e));
        }
        List<String> problems = new ArrayList<>();
        missingAfterRoundTrip("", json, GSON.toJsonTree(parsed), problems);
        problems.replaceAll(path -> id + ": field " + path + " is not part of the " + model.getSimpleName() + " schema");
        return problems;
    }

    /** Paths present (and not null) in {@code input} but absent from {@code output}. */
    private static void missingAfterRoundTrip(String path, JsonElement input, JsonElement output, List<String> missing) {
        if (input.isJsonObject()) {
            JsonObject out = output != null && output.isJsonObject() ? output.getAsJsonObject() : new JsonObject();
            for (Map.Entry<String, JsonElement> member : input.getAsJsonObject().entrySet()) {
                if (member.getValue().isJsonNull()) {
                    continue;
                }
                String child = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                if (!out.has(member.getKey())) {
                    missing.add(child);
                } else {
                    missingAfterRoundTrip(child, member.getValue(), out.get(member.getKey()), missing);
                }
            }
        } else if (input.isJsonArray() && output != null && output.isJsonArray()) {
            for (int i = 0; i < input.getAsJsonArray().size(); i++) {
                JsonElement out = i < output.getAsJsonArray().size() ? output.getAsJsonArray().get(i) : null;
                missingAfterRoundTrip(path + "[" + i + "]", input.getAsJsonArray().get(i), out, missing);
            }
        }
    }

    /** Structural checks shared with the custom resource checks. */
    static List<String> metadata(String id, JsonObject metadata) {
        return strict(id, metadata, V1ObjectMeta.class);
    }

    static List<String> resources(String id, JsonObject resources) {
        return strict(id, resources, V1ResourceRequirements.class);
    }

    static boolean isQuantity(String value) {
        try {
            Quantity.fromString(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int json = message.indexOf(". JSON:");
        if (json < 0) {
            json = message.indexOf(" JSON:");
        }
        return abbreviate(json >= 0 ? message.substring(0, json) : message);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
