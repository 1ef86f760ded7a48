package io.motcrm.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.kubernetes.client.openapi.models.V1Affinity;

/**
 * Structural check of a CloudNativePG {@code Cluster} (postgresql.cnpg.io/v1): the fields this project
 * may use, with their types, and the ones it must set. It covers the part of the CRD schema the
 * manifests use, not the whole CRD: a field outside it is reported, so a typo cannot pass unnoticed.
 */
final class CnpgClusterCheck {

    /** The top-level fields of Cluster.spec in the CloudNativePG 1.2x API. */
    private static final Set<String> SPEC_FIELDS = Set.of(
            "affinity", "backup", "bootstrap", "certificates", "description", "enablePDB", "enableSuperuserAccess",
            "env", "envFrom", "ephemeralVolumeSource", "ephemeralVolumesSizeLimit", "externalClusters",
            "failoverDelay", "imageCatalogRef", "imageName", "imagePullPolicy", "imagePullSecrets",
            "inheritedMetadata", "instances", "livenessProbeTimeout", "logLevel", "managed", "maxSyncReplicas",
            "minSyncReplicas", "monitoring", "nodeMaintenanceWindow", "plugins", "podSecurityContext",
            "postgresGID", "postgresUID", "postgresql", "primaryUpdateMethod", "primaryUpdateStrategy",
            "priorityClassName", "probes", "projectedVolumeTemplate", "replica", "replicationSlots", "resources",
            "schedulerName", "seccompProfile", "securityContext", "serviceAccountTemplate", "smartShutdownTimeout",
            "startDelay", "stopDelay", "storage", "superuserSecret", "switchoverDelay", "tablespaces",
            "topologySpreadConstraints", "walStorage");

    private static final Set<String> AFFINITY_FIELDS = Set.of(
            "additionalPodAffinity", "additionalPodAntiAffinity", "enablePodAntiAffinity", "nodeAffinity",
            "nodeSelector", "podAntiAffinityType", "tolerations", "topologyKey");

    private static final Set<String> INITDB_FIELDS = Set.of(
            "database", "owner", "secret", "options", "dataChecksums", "encoding", "localeCollate", "localeCType",
            "locale", "localeProvider", "icuLocale", "icuRules", "builtinLocale", "walSegmentSize",
            "postInitSQL", "postInitApplicationSQL", "postInitTemplateSQL", "import", "postInitApplicationSQLRefs",
            "postInitSQLRefs", "postInitTemplateSQLRefs");

    private static final Set<String> STORAGE_FIELDS = Set.of("size", "storageClass", "resizeInUseVolumes", "pvcTemplate");

    private static final Set<String> UPDATE_STRATEGIES = Set.of("unsupervised", "supervised");

    private CnpgClusterCheck() {
    }

    static List<String> check(Manifest cluster) {
        String id = cluster.id();
        List<String> problems = new ArrayList<>();
        unknown(id, "", cluster.json(), Set.of("apiVersion", "kind", "metadata", "spec"), problems);
        problems.addAll(SchemaCheck.metadata(id, cluster.metadata()));
        JsonObject spec = cluster.spec();
        unknown(id, "spec.", spec, SPEC_FIELDS, problems);

        JsonElement instances = spec.get("instances");
        if (instances == null || !instances.isJsonPrimitive() || !instances.getAsJsonPrimitive().isNumber()
                || instances.getAsInt() < 1) {
            problems.add(id + ": spec.instances must be a number of at least 1");
        }
        String image = Manifest.string(spec, "imageName");
        if (image == null) {
            problems.add(id + ": spec.imageName must pin the PostgreSQL image (the operator's default moves with its version)");
        } else {
            Rules.imageProblem(image).ifPresent(p -> problems.add(id + ": spec.imageName " + p));
        }
        String strategy = Manifest.string(spec, "primaryUpdateStrategy");
        if (strategy != null && !UPDATE_STRATEGIES.contains(strategy)) {
            problems.add(id + ": spec.primaryUpdateStrategy must be one of " + UPDATE_STRATEGIES);
        }

        JsonObject storage = Manifest.object(spec, "storage");
        unknown(id, "spec.storage.", storage, STORAGE_FIELDS, problems);
        String size = Manifest.string(storage, "size");
        if (size == null || !SchemaCheck.isQuantity(size)) {
            problems.add(id + ": spec.storage.size must be a quantity such as 10Gi");
        }

        JsonObject initdb = Manifest.object(Manifest.object(spec, "bootstrap"), "initdb");
        unknown(id, "spec.bootstrap.initdb.", initdb, INITDB_FIELDS, problems);
        if (Manifest.string(initdb, "database") == null || Manifest.string(initdb, "owner") == null) {
            problems.add(id + ": spec.bootstrap.initdb must name the application database and its owner"
                    + " (the operator's <cluster>-app Secret is for that owner)");
        }

        JsonObject inherited = Manifest.object(spec, "inheritedMetadata");
        unknown(id, "spec.inheritedMetadata.", inherited, Set.of("labels", "annotations"), problems);
        stringMap(id, "spec.inheritedMetadata.labels", Manifest.object(inherited, "labels"), problems);
        stringMap(id, "spec.inheritedMetadata.annotations", Manifest.object(inherited, "annotations"), problems);

        JsonObject postgresql = Manifest.object(spec, "postgresql");
        stringMap(id, "spec.postgresql.parameters", Manifest.object(postgresql, "parameters"), problems);

        if (Manifest.has(spec, "resources")) {
            problems.addAll(SchemaCheck.resources(id + " spec.resources", Manifest.object(spec, "resources")));
        }
        JsonObject affinity = Manifest.object(spec, "affinity");
        unknown(id, "spec.affinity.", affinity, AFFINITY_FIELDS, problems);
        if (Manifest.has(affinity, "nodeAffinity")) {
            JsonObject wrapped = new JsonObject();
            wrapped.add("nodeAffinity", affinity.get("nodeAffinity"));
            problems.addAll(SchemaCheck.strict(id + " spec.affinity", wrapped, V1Affinity.class));
        }
        return problems;
    }

    /** The labels the operator gives the instance pods of {@code cluster}. */
    static Map<String, String> podLabels(Manifest cluster) {
        Map<String, String> labels = new TreeMap<>();
        JsonObject inherited = Manifest.object(Manifest.object(cluster.spec(), "inheritedMetadata"), "labels");
        inherited.entrySet().forEach(e -> labels.put(e.getKey(), e.getValue().getAsString()));
        labels.put("cnpg.io/cluster", cluster.name());
        labels.put("cnpg.io/podRole", "instance");
        return labels;
    }

    private static void unknown(String id, String prefix, JsonObject object, Set<String> allowed, List<String> problems) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                problems.add(id + ": field " + prefix + key + " is not part of the CloudNativePG Cluster schema");
            }
        }
    }

    private static void stringMap(String id, String path, JsonObject map, List<String> problems) {
        for (Map.Entry<String, JsonElement> entry : map.entrySet()) {
            JsonElement value = entry.getValue();
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                problems.add(id + ": " + path + "." + entry.getKey() + " must be a string (quote it)");
            }
        }
    }
}
