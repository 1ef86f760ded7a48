package io.motcrm.k8s;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;

/**
 * The project's deployment rules, over all objects of one rendered manifest.
 *
 * <p>Every workload (Deployment, StatefulSet): images pinned by a tag that is not {@code latest},
 * startup, liveness and readiness probes, CPU and memory requests and limits, a non-root security
 * context (runAsNonRoot, no privilege escalation, all capabilities dropped, a seccomp profile, a
 * read-only root filesystem with an emptyDir on /tmp), a selector matching its pod labels, and
 * NetworkPolicies with both Ingress and Egress selecting its pods. A workload may keep a writable root
 * filesystem only with the annotation {@value #WRITABLE_ROOT} giving the reason (third-party dev tools).
 *
 * <p>Every MOT CRM application Deployment (named after an application module) also: a
 * PodDisruptionBudget and a CPU HorizontalPodAutoscaler matching it, a Service, the Quarkus health
 * probes and Prometheus annotations, database credentials from Secret references, and only
 * environment variables the application reads (see {@link AppConfig}), including every connection
 * setting it declares.
 *
 * <p>References: Secrets and ConfigMaps a workload uses exist in the manifest (or, for
 * {@code <cluster>-app}, are created by a CloudNativePG Cluster of the manifest); Ingress backends and
 * HPA targets exist. A rendered Secret must be labelled {@value #DEV_ONLY_LABEL}=true.
 */
final class Rules {

    static final String WRITABLE_ROOT = "motcrm.io/writable-root-filesystem";
    static final String DEV_ONLY_LABEL = "motcrm.io/dev-only";

    /** The keys of the Secret CloudNativePG creates for a Cluster's application owner ({@code <cluster>-app}). */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of(
            "username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass", "fqdn-uri", "fqdn-jdbc-uri", "user");

    private static final Pattern IMAGE = Pattern.compile("^(?<repository>[^@]+?)(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@(?<digest>sha256:[0-9a-f]{64}))?$");
    private static final Set<String> DB_CREDENTIALS = Set.of("MOTCRM_DB_USER", "MOTCRM_DB_PASSWORD");

    private final List<Manifest> manifests;
    private final Map<String, AppConfig> apps;
    private final Map<String, Set<String>> awaited;
    private final NetworkPolicies network;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    private Rules(List<Manifest> manifests, Map<String, AppConfig> apps, Map<String, Set<String>> awaited) {
        this.manifests = manifests;
        this.apps = apps;
        this.awaited = awaited;
        this.network = new NetworkPolicies(manifests);
    }

    /** Problems (which fail validation) and notices (printed only) for the objects of one manifest. */
    static ManifestValidator.Result check(List<Manifest> manifests, Map<String, AppConfig> apps, Map<String, Set<String>> awaited) {
        Rules rules = new Rules(manifests, apps, awaited);
        rules.run();
        return new ManifestValidator.Result(List.copyOf(rules.problems), List.copyOf(rules.notices));
    }

    private void run() {
        for (Manifest m : manifests) {
            switch (m.kind()) {
                case "Deployment", "StatefulSet" -> workload(m);
                case "Secret" -> secret(m);
                case "Ingress" -> ingress(m);
                case "HorizontalPodAutoscaler" -> hpaTarget(m);
                default -> {
                }
            }
        }
        for (NetworkPolicies.Pod pod : network.pods()) {
            if (!network.coveredBothWays(pod)) {
                problems.add(pod.name() + ": no NetworkPolicy with both Ingress and Egress policy types selects its pods");
            }
        }
        awaitedEntriesInUse();
    }

    // ---- workloads ----

    private void workload(Manifest w) {
        String id = w.id();
        JsonObject template = Manifest.object(w.spec(), "template");
        JsonObject podSpec = Manifest.object(template, "spec");
        Map<String, String> podLabels = NetworkPolicies.labels(Manifest.object(Manifest.object(template, "metadata"), "labels"));
        if (!NetworkPolicies.matches(Manifest.object(w.spec(), "selector"), podLabels) || podLabels.isEmpty()) {
            problems.add(id + ": spec.selector does not match the pod template's labels");
        }
        JsonObject podSecurity = Manifest.object(podSpec, "securityContext");
        String writableReason = Manifest.string(Manifest.object(w.metadata(), "annotations"), WRITABLE_ROOT);
        List<JsonObject> all = new ArrayList<>(Manifest.objects(podSpec, "initContainers"));
        all.addAll(Manifest.objects(podSpec, "containers"));
        if (Manifest.objects(podSpec, "containers").isEmpty()) {
            problems.add(id + ": has no containers");
        }
        for (JsonObject c : all) {
            String cid = id + " container " + Manifest.string(c, "name");
            String image = Manifest.string(c, "image");
            if (image == null) {
                problems.add(cid + ": has no image");
            } else {
                imageProblem(image).ifPresent(p -> problems.add(cid + ": image " + p));
            }
            resources(cid, Manifest.object(c, "resources"));
            security(cid, Manifest.object(c, "securityContext"), podSecurity, writableReason);
            if (!Boolean.FALSE.equals(bool(Manifest.object(c, "securityContext"), "readOnlyRootFilesystem"))) {
                tmpIsEmptyDir(cid, c, podSpec);
            }
            references(cid, c);
        }
        for (JsonObject c : Manifest.objects(podSpec, "containers")) {
            String cid = id + " container " + Manifest.string(c, "name");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                if (!Manifest.has(c, probe)) {
                    problems.add(cid + ": has no " + probe);
                }
            }
        }
        if (writableReason != null) {
            notices.add(id + " keeps a writable root filesystem: " + writableReason);
        }
        AppConfig app = apps.get(w.name());
        if (app != null) {
            if (!w.kind().equals("Deployment")) {
                problems.add(id + ": an application runs as a Deployment");
            }
            application(w, app, podLabels, template);
        }
    }

    static Optional<String> imageProblem(String image) {
        Matcher m = IMAGE.matcher(image);
        if (!m.matches()) {
            return Optional.of(image + " is not a valid image reference");
        }
        String tag = m.group("tag");
        String lastSegment = m.group("repository").substring(m.group("repository").lastIndexOf('/') + 1);
        if (lastSegment.contains(":")) {
            return Optional.of(image + " is not a valid image reference");
        }
        if (tag == null) {
            return Optional.of(image + " is not pinned: give it a version tag");
        }
        if (tag.equals("latest")) {
            return Optional.of(image + " uses the moving tag latest: pin a version");
        }
        return Optional.empty();
    }

    private void resources(String cid, JsonObject resources) {
        for (String kind : List.of("requests", "limits")) {
            JsonObject values = Manifest.object(resources, kind);
            for (String resource : List.of("cpu", "memory")) {
                if (!Manifest.has(values, resource)) {
                    problems.add(cid + ": resources." + kind + "." + resource + " is not set");
                }
            }
        }
    }

    private void security(String cid, JsonObject container, JsonObject pod, String writableReason) {
        Boolean nonRoot = bool(container, "runAsNonRoot") != null ? bool(container, "runAsNonRoot") : bool(pod, "runAsNonRoot");
        if (!Boolean.TRUE.equals(nonRoot)) {
            problems.add(cid + ": runAsNonRoot is not true (container or pod securityContext)");
        }
        JsonObject userSource = Manifest.has(container, "runAsUser") ? container : pod;
        if (Manifest.has(userSource, "runAsUser") && "0".equals(Manifest.string(userSource, "runAsUser"))) {
            problems.add(cid + ": runs as user 0");
        }
        if (!Boolean.FALSE.equals(bool(container, "allowPrivilegeEscalation"))) {
            problems.add(cid + ": allowPrivilegeEscalation is not false");
        }
        if (Boolean.TRUE.equals(bool(container, "privileged"))) {
            problems.add(cid + ": is privileged");
        }
        if (!Manifest.strings(Manifest.object(container, "capabilities"), "drop").contains("ALL")) {
            problems.add(cid + ": capabilities.drop does not contain ALL");
        }
        if (!Manifest.strings(Manifest.object(container, "capabilities"), "add").isEmpty()) {
            problems.add(cid + ": adds capabilities");
        }
        JsonObject seccomp = Manifest.has(container, "seccompProfile") ? Manifest.object(container, "seccompProfile")
                : Manifest.object(pod, "seccompProfile");
        if (!Set.of("RuntimeDefault", "Localhost").contains(String.valueOf(Manifest.string(seccomp, "type")))) {
            problems.add(cid + ": seccompProfile is not RuntimeDefault (or Localhost)");
        }
        boolean readOnly = Boolean.TRUE.equals(bool(container, "readOnlyRootFilesystem"));
        if (!readOnly && (writableReason == null || writableReason.isBlank())) {
            problems.add(cid + ": readOnlyRootFilesystem is not true");
        }
    }

    private void tmpIsEmptyDir(String cid, JsonObject container, JsonObject podSpec) {
        Optional<String> volume = Manifest.objects(container, "volumeMounts").stream()
                .filter(mount -> "/tmp".equals(Manifest.string(mount, "mountPath")))
                .map(mount -> Manifest.string(mount, "name"))
                .findFirst();
        boolean emptyDir = volume.isPresent() && Manifest.objects(podSpec, "volumes").stream()
                .anyMatch(v -> volume.get().equals(Manifest.string(v, "name")) && Manifest.has(v, "emptyDir"));
        if (!emptyDir) {
            problems.add(cid + ": a read-only root filesystem needs an emptyDir volume mounted at /tmp");
        }
    }

    /** Secrets and ConfigMaps the container reads must be in the manifest (or come from a CNPG Cluster). */
    private void references(String cid, JsonObject container) {
        for (JsonObject env : Manifest.objects(container, "env")) {
            JsonObject from = Manifest.object(env, "valueFrom");
            if (Manifest.has(from, "secretKeyRef")) {
                JsonObject ref = Manifest.object(from, "secretKeyRef");
                secretKey(cid, Manifest.string(ref, "name"), Manifest.string(ref, "key"));
            }
            if (Manifest.has(from, "configMapKeyRef")) {
                JsonObject ref = Manifest.object(from, "configMapKeyRef");
                Optional<Manifest> map = find("ConfigMap", Manifest.string(ref, "name"));
                if (map.isEmpty() || !Manifest.object(map.get().json(), "data").has(Manifest.string(ref, "key"))) {
                    problems.add(cid + ": reads key " + Manifest.string(ref, "key") + " of ConfigMap "
                            + Manifest.string(ref, "name") + ", which the manifest does not define");
                }
            }
        }
        for (JsonObject source : Manifest.objects(container, "envFrom")) {
            String map = Manifest.string(Manifest.object(source, "configMapRef"), "name");
            if (map != null && find("ConfigMap", map).isEmpty()) {
                problems.add(cid + ": reads ConfigMap " + map + ", which the manifest does not define");
            }
            if (Manifest.has(source, "secretRef")) {
                problems.add(cid + ": takes a whole Secret through envFrom; name each variable with secretKeyRef instead");
            }
        }
    }

    private void secretKey(String cid, String name, String key) {
        Optional<Manifest> secret = find("Secret", name);
        if (secret.isPresent()) {
            JsonObject data = Manifest.object(secret.get().json(), "data");
            JsonObject stringData = Manifest.object(secret.get().json(), "stringData");
            if (!data.has(key) && !stringData.has(key)) {
                problems.add(cid + ": reads key " + key + " of Secret " + name + ", which has no such key");
            }
            return;
        }
        boolean fromCluster = name != null && name.endsWith("-app")
                && find("Cluster", name.substring(0, name.length() - "-app".length())).isPresent();
        if (!fromCluster) {
            problems.add(cid + ": reads Secret " + name + ", which is neither in the manifest nor created by a"
                    + " CloudNativePG Cluster of it");
        } else if (!CNPG_APP_SECRET_KEYS.contains(key)) {
            problems.add(cid + ": reads key " + key + " of the CloudNativePG Secret " + name + ", which has no such key");
        }
    }

    // ---- application Deployments ----

    private void application(Manifest d, AppConfig app, Map<String, String> podLabels, JsonObject template) {
        String id = d.id();
        JsonObject podSpec = Manifest.object(template, "spec");
        List<JsonObject> containers = Manifest.objects(podSpec, "containers");
        JsonObject main = containers.isEmpty() ? new JsonObject() : containers.get(0);

        long pdbs = manifests.stream().filter(m -> m.kind().equals("PodDisruptionBudget")
                && sameNamespace(m, d) && selectsPods(Manifest.object(m.spec(), "selector"), podLabels)).count();
        if (pdbs == 0) {
            problems.add(id + ": no PodDisruptionBudget selects its pods");
        }
        List<Manifest> hpas = manifests.stream().filter(m -> m.kind().equals("HorizontalPodAutoscaler") && sameNamespace(m, d)
                && "Deployment".equals(Manifest.string(Manifest.object(m.spec(), "scaleTargetRef"), "kind"))
                && d.name().equals(Manifest.string(Manifest.object(m.spec(), "scaleTargetRef"), "name"))).toList();
        if (hpas.isEmpty()) {
            problems.add(id + ": no HorizontalPodAutoscaler targets it");
        }
        for (Manifest hpa : hpas) {
            boolean cpu = Manifest.objects(hpa.spec(), "metrics").stream().anyMatch(metric ->
                    "Resource".equals(Manifest.string(metric, "type"))
                            && "cpu".equals(Manifest.string(Manifest.object(metric, "resource"), "name")));
            if (!cpu) {
                problems.add(hpa.id() + ": does not scale on CPU utilisation");
            }
            int min = Manifest.has(hpa.spec(), "minReplicas") ? hpa.spec().get("minReplicas").getAsInt() : 1;
            int max = Manifest.has(hpa.spec(), "maxReplicas") ? hpa.spec().get("maxReplicas").getAsInt() : 0;
            if (min < 1 || max < min) {
                problems.add(hpa.id() + ": needs 1 <= minReplicas <= maxReplicas");
            }
        }
        if (manifests.stream().noneMatch(m -> m.kind().equals("Service") && sameNamespace(m, d)
                && !Manifest.object(m.spec(), "selector").keySet().isEmpty()
                && NetworkPolicies.labels(Manifest.object(m.spec(), "selector")).entrySet().stream()
                        .allMatch(e -> e.getValue().equals(podLabels.get(e.getKey()))))) {
            problems.add(id + ": no Service selects its pods");
        }

        Map<String, String> probePaths = Map.of("startupProbe", "/q/health/started",
                "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");
        probePaths.forEach((probe, path) -> {
            if (Manifest.has(main, probe)
                    && !path.equals(Manifest.string(Manifest.object(Manifest.object(main, probe), "httpGet"), "path"))) {
                problems.add(id + ": " + probe + " must be an HTTP GET of " + path);
            }
        });
        JsonObject annotations = Manifest.object(Manifest.object(template, "metadata"), "annotations");
        Set<String> ports = new TreeSet<>();
        Manifest.objects(main, "ports").forEach(p -> ports.add(String.valueOf(p.get("containerPort"))));
        if (!"true".equals(Manifest.string(annotations, "prometheus.io/scrape"))
                || !"/q/metrics".equals(Manifest.string(annotations, "prometheus.io/path"))
                || !ports.contains(String.valueOf(Manifest.string(annotations, "prometheus.io/port")))) {
            problems.add(id + ": pod annotations prometheus.io/scrape=true, prometheus.io/port=<container port>"
                    + " and prometheus.io/path=/q/metrics are required");
        }
        environment(id, app, main);
    }

    private void environment(String id, AppConfig app, JsonObject container) {
        for (JsonObject env : Manifest.objects(container, "env")) {
            String name = Manifest.string(env, "name");
            if (DB_CREDENTIALS.contains(name) && !Manifest.has(Manifest.object(env, "valueFrom"), "secretKeyRef")) {
                problems.add(id + ": " + name + " must come from a Secret (valueFrom.secretKeyRef), not a literal value");
            }
        }
        Set<String> names = environmentNames(container);
        Set<String> awaitedHere = awaited.getOrDefault(app.module(), Set.of());
        for (String name : names) {
            if (app.envNames().contains(name)) {
                continue;
            }
            if (awaitedHere.contains(name)) {
                notices.add(id + " sets " + name + " ahead of " + app.module() + ", which does not read it yet (awaited-config.properties)");
            } else {
                problems.add(id + ": sets " + name + ", which " + app.module()
                        + " does not read (not derived from its application.properties)");
            }
        }
        for (String setting : app.deploymentSettings()) {
            if (!names.contains(setting)) {
                problems.add(id + ": does not set " + setting + ", which " + app.module()
                        + " reads and whose default is for local development only");
            }
        }
        if (app.deploymentSettings().stream().anyMatch(s -> s.startsWith("MOTCRM_DB_"))
                && !names.containsAll(DB_CREDENTIALS)) {
            problems.add(id + ": database credentials " + DB_CREDENTIALS + " must be set from a Secret");
        }
    }

    /** An awaited name that no application Deployment sets any more is a stale entry. */
    private void awaitedEntriesInUse() {
        awaited.forEach((module, names) -> {
            Optional<Manifest> deployment = find("Deployment", module);
            if (deployment.isEmpty()) {
                return;
            }
            Set<String> set = new TreeSet<>();
            JsonObject podSpec = Manifest.object(Manifest.object(deployment.get().spec(), "template"), "spec");
            Manifest.objects(podSpec, "containers").forEach(c -> set.addAll(environmentNames(c)));
            for (String name : names) {
                if (!set.contains(name)) {
                    problems.add("awaited-config.properties lists " + name + " for " + module
                            + ", which its Deployment no longer sets: remove the entry");
                } else if (apps.containsKey(module) && apps.get(module).envNames().contains(name)) {
                    notices.add(module + " now reads " + name + ": its entry in awaited-config.properties can go");
                }
            }
        });
    }

    /** The environment variable names a container gets: its env entries and the keys of the ConfigMaps in envFrom. */
    private Set<String> environmentNames(JsonObject container) {
        Set<String> names = new LinkedHashSet<>();
        Manifest.objects(container, "env").forEach(env -> names.add(Manifest.string(env, "name")));
        for (JsonObject source : Manifest.objects(container, "envFrom")) {
            String prefix = Objects.requireNonNullElse(Manifest.string(source, "prefix"), "");
            find("ConfigMap", Manifest.string(Manifest.object(source, "configMapRef"), "name"))
                    .ifPresent(map -> Manifest.object(map.json(), "data").keySet().forEach(key -> names.add(prefix + key)));
        }
        return names;
    }

    // ---- other kinds ----

    private void secret(Manifest s) {
        if (!"true".equals(Manifest.string(Manifest.object(s.metadata(), "labels"), DEV_ONLY_LABEL))) {
            problems.add(s.id() + ": a rendered Secret carries committed values; only dev-only Secrets (label "
                    + DEV_ONLY_LABEL + "=true) may, production credentials come from the operator or the cluster");
        }
        for (var entry : Manifest.object(s.json(), "data").entrySet()) {
            try {
                Base64.getDecoder().decode(entry.getValue().getAsString());
            } catch (IllegalArgumentException e) {
                problems.add(s.id() + ": data." + entry.getKey() + " is not base64");
            }
        }
    }

    private void ingress(Manifest ingress) {
        for (JsonObject rule : Manifest.objects(ingress.spec(), "rules")) {
            for (JsonObject path : Manifest.objects(Manifest.object(rule, "http"), "paths")) {
                JsonObject backend = Manifest.object(Manifest.object(path, "backend"), "service");
                String name = Manifest.string(backend, "name");
                JsonObject port = Manifest.object(backend, "port");
                Optional<Manifest> service = find("Service", name);
                boolean portExists = service.isPresent() && Manifest.objects(service.get().spec(), "ports").stream()
                        .anyMatch(p -> Objects.equals(Manifest.string(p, "name"), Manifest.string(port, "name"))
                                && Manifest.has(port, "name")
                                || Manifest.has(port, "number") && Objects.equals(Manifest.string(p, "port"), Manifest.string(port, "number")));
                if (!portExists) {
                    problems.add(ingress.id() + ": backend " + name + " " + port + " is not a port of a Service in the manifest");
                }
            }
        }
    }

    private void hpaTarget(Manifest hpa) {
        JsonObject target = Manifest.object(hpa.spec(), "scaleTargetRef");
        if (find(Manifest.string(target, "kind"), Manifest.string(target, "name")).isEmpty()) {
            problems.add(hpa.id() + ": targets " + Manifest.string(target, "kind") + "/" + Manifest.string(target, "name")
                    + ", which is not in the manifest");
        }
    }

    // ---- helpers ----

    private Optional<Manifest> find(String kind, String name) {
        return manifests.stream().filter(m -> Objects.equals(m.kind(), kind) && Objects.equals(m.name(), name)).findFirst();
    }

    private static boolean sameNamespace(Manifest a, Manifest b) {
        return NetworkPolicies.namespace(a).equals(NetworkPolicies.namespace(b));
    }

    private static boolean selectsPods(JsonObject selector, Map<String, String> podLabels) {
        return !selector.keySet().isEmpty() && NetworkPolicies.matches(selector, podLabels);
    }

    private static Boolean bool(JsonObject object, String member) {
        return Manifest.has(object, member) && object.get(member).isJsonPrimitive() && object.getAsJsonPrimitive(member).isBoolean()
                ? object.get(member).getAsBoolean() : null;
    }
}
