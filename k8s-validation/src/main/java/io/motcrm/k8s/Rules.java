package io.motcrm.k8s;

import java.net.URI;
import java.net.URISyntaxException;
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
 * <p>Calls between applications ({@link Design}, from {@code docs/contracts.md}): the NetworkPolicies
 * allow exactly the designed calls between application pods; every application reaches the OIDC
 * provider its {@code QUARKUS_OIDC_AUTH_SERVER_URL} names (an in-cluster Service's pods, or outside the
 * cluster on the URL's port); every application that calls another's {@code /internal} API gets its
 * OIDC client secret from a Secret.
 *
 * <p>References: Secrets and ConfigMaps a workload uses (env, envFrom, volumes) and Ingress TLS Secrets
 * exist in the manifest, in the same namespace, or, for {@code <cluster>-app}, are created by a
 * CloudNativePG Cluster of the manifest, or are documented in {@code k8s/README.md} as created outside
 * kustomize ({@link ExternalObjects}); a documented object nothing uses, or one the overlay generates
 * after all, is a problem. Ingress backends and HPA targets exist. A variable whose name says it holds a
 * secret comes from a Secret. A rendered Secret must be labelled {@value #DEV_ONLY_LABEL}=true and be in
 * a namespace the manifest labels {@value #ENVIRONMENT_LABEL}=dev: no prod Secret has committed values.
 */
final class Rules {

    static final String WRITABLE_ROOT = "motcrm.io/writable-root-filesystem";
    static final String DEV_ONLY_LABEL = "motcrm.io/dev-only";
    static final String ENVIRONMENT_LABEL = "motcrm.io/environment";
    static final String OIDC_URL = "QUARKUS_OIDC_AUTH_SERVER_URL";

    /** The keys of the Secret CloudNativePG creates for a Cluster's application owner ({@code <cluster>-app}). */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of(
            "username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass", "fqdn-uri", "fqdn-jdbc-uri", "user");

    private static final Pattern IMAGE = Pattern.compile("^(?<repository>[^@]+?)(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@(?<digest>sha256:[0-9a-f]{64}))?$");
    private static final Set<String> DB_CREDENTIALS = Set.of("MOTCRM_DB_USER", "MOTCRM_DB_PASSWORD");
    /** Environment variables whose name says they hold a secret: only from a Secret, never a literal or a ConfigMap. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET).*");

    private final List<Manifest> manifests;
    private final Map<String, AppConfig> apps;
    private final Map<String, Set<String>> awaited;
    private final Design design;
    private final ExternalObjects external;
    private final NetworkPolicies network;
    /** The external objects something refers to ({@link ExternalObjects.ExternalObject#id()}). */
    private final Set<String> externalInUse = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    private Rules(List<Manifest> manifests, Map<String, AppConfig> apps, Map<String, Set<String>> awaited,
            Design design, ExternalObjects external) {
        this.manifests = manifests;
        this.apps = apps;
        this.awaited = awaited;
        this.design = design;
        this.external = external;
        this.network = new NetworkPolicies(manifests);
    }

    /** Problems (which fail validation) and notices (printed only) for the objects of one manifest. */
    static ManifestValidator.Result check(List<Manifest> manifests, Map<String, AppConfig> apps, Map<String, Set<String>> awaited,
            Design design, ExternalObjects external) {
        Rules rules = new Rules(manifests, apps, awaited, design, external);
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
        designedCalls();
        awaitedEntriesInUse();
        externalObjectsInUse();
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
            references(cid, NetworkPolicies.namespace(w), c);
        }
        volumes(id, NetworkPolicies.namespace(w), podSpec);
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

    /** Secrets and ConfigMaps the container reads must exist (see {@link #resolve}); secret-looking names come from Secrets. */
    private void references(String cid, String namespace, JsonObject container) {
        for (JsonObject env : Manifest.objects(container, "env")) {
            String name = Manifest.string(env, "name");
            JsonObject from = Manifest.object(env, "valueFrom");
            if (name != null && SECRET_NAME.matcher(name).matches() && !Manifest.has(from, "secretKeyRef")) {
                problems.add(cid + ": " + name + " must come from a Secret (valueFrom.secretKeyRef), not a literal value");
            }
            if (Manifest.has(from, "secretKeyRef")) {
                JsonObject ref = Manifest.object(from, "secretKeyRef");
                resolve(cid, namespace, "Secret", Manifest.string(ref, "name"), Set.of(String.valueOf(Manifest.string(ref, "key"))));
            }
            if (Manifest.has(from, "configMapKeyRef")) {
                JsonObject ref = Manifest.object(from, "configMapKeyRef");
                resolve(cid, namespace, "ConfigMap", Manifest.string(ref, "name"), Set.of(String.valueOf(Manifest.string(ref, "key"))));
            }
        }
        for (JsonObject source : Manifest.objects(container, "envFrom")) {
            String map = Manifest.string(Manifest.object(source, "configMapRef"), "name");
            if (map != null) {
                resolve(cid, namespace, "ConfigMap", map, Set.of());
                String prefix = Objects.requireNonNullElse(Manifest.string(source, "prefix"), "");
                find("ConfigMap", namespace, map).ifPresent(m -> Manifest.object(m.json(), "data").keySet().stream()
                        .filter(key -> SECRET_NAME.matcher(prefix + key).matches())
                        .forEach(key -> problems.add(cid + ": " + prefix + key + " comes from ConfigMap " + map
                                + "; a secret belongs in a Secret (valueFrom.secretKeyRef)")));
            }
            if (Manifest.has(source, "secretRef")) {
                problems.add(cid + ": takes a whole Secret through envFrom; name each variable with secretKeyRef instead");
            }
        }
    }

    /** ConfigMap and Secret volumes (also projected ones) must exist, with the keys their items name. */
    private void volumes(String id, String namespace, JsonObject podSpec) {
        for (JsonObject volume : Manifest.objects(podSpec, "volumes")) {
            String vid = id + " volume " + Manifest.string(volume, "name");
            List<JsonObject[]> sources = new ArrayList<>();
            sources.add(new JsonObject[] {Manifest.object(volume, "configMap"), null});
            sources.add(new JsonObject[] {null, Manifest.object(volume, "secret")});
            for (JsonObject projected : Manifest.objects(Manifest.object(volume, "projected"), "sources")) {
                sources.add(new JsonObject[] {Manifest.object(projected, "configMap"), Manifest.object(projected, "secret")});
            }
            for (JsonObject[] source : sources) {
                if (source[0] != null && Manifest.has(source[0], "name")) {
                    resolve(vid, namespace, "ConfigMap", Manifest.string(source[0], "name"), itemKeys(source[0]));
                }
                if (source[1] != null && (Manifest.has(source[1], "secretName") || Manifest.has(source[1], "name"))) {
                    String name = Manifest.has(source[1], "secretName") ? Manifest.string(source[1], "secretName") : Manifest.string(source[1], "name");
                    resolve(vid, namespace, "Secret", name, itemKeys(source[1]));
                }
            }
        }
    }

    private static Set<String> itemKeys(JsonObject source) {
        Set<String> keys = new TreeSet<>();
        Manifest.objects(source, "items").forEach(item -> keys.add(Manifest.string(item, "key")));
        return keys;
    }

    /**
     * A ConfigMap or Secret {@code who} reads, with the {@code keys} it needs: an object of the manifest in
     * the same namespace, the {@code <cluster>-app} Secret a CloudNativePG Cluster of the manifest
     * creates, or an object k8s/README.md documents as created outside kustomize.
     */
    private void resolve(String who, String namespace, String kind, String name, Set<String> keys) {
        Optional<Manifest> object = find(kind, namespace, name);
        if (object.isPresent()) {
            JsonObject data = Manifest.object(object.get().json(), "data");
            JsonObject stringData = Manifest.object(object.get().json(), "stringData");
            JsonObject binaryData = Manifest.object(object.get().json(), "binaryData");
            for (String key : keys) {
                if (!data.has(key) && !stringData.has(key) && !binaryData.has(key)) {
                    problems.add(who + ": reads key " + key + " of " + kind + " " + name + ", which has no such key");
                }
            }
            return;
        }
        boolean fromCluster = kind.equals("Secret") && name != null && name.endsWith("-app")
                && find("Cluster", namespace, name.substring(0, name.length() - "-app".length())).isPresent();
        if (fromCluster) {
            keys.stream().filter(key -> !CNPG_APP_SECRET_KEYS.contains(key)).forEach(key -> problems.add(
                    who + ": reads key " + key + " of the CloudNativePG Secret " + name + ", which has no such key"));
            return;
        }
        Optional<ExternalObjects.ExternalObject> documented = external.find(namespace, kind, String.valueOf(name));
        if (documented.isPresent()) {
            externalInUse.add(documented.get().id());
            keys.stream().filter(key -> !documented.get().keys().contains(key)).forEach(key -> problems.add(
                    who + ": reads key " + key + " of " + kind + " " + name + ", which " + ExternalObjects.README
                            + " does not list for it (" + ExternalObjects.HEADING.substring(3) + ")"));
            return;
        }
        problems.add(who + ": reads " + kind + " " + name + ", which is neither in the manifest"
                + (kind.equals("Secret") ? ", nor created by a CloudNativePG Cluster of it," : "")
                + " nor documented in " + ExternalObjects.README + " (" + ExternalObjects.HEADING.substring(3)
                + ") for namespace " + namespace);
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
        serviceClient(id, app, main);
        oidcReachable(d, app, main);
    }

    /** An application that calls another's /internal API (docs/contracts.md) needs its own OIDC client secret, from a Secret. */
    private void serviceClient(String id, AppConfig app, JsonObject container) {
        if (!design.internalCallers().contains(app.module())) {
            return;
        }
        String why = id + ": calls the /internal API of " + String.join(", ", design.internalCallees(app.module()))
                + " (" + Design.CONTRACTS + ") with its own client-credentials token";
        if (app.serviceClientSecret().isEmpty()) {
            problems.add(why + ", but " + app.module() + " configures no quarkus.oidc-client.credentials.secret");
            return;
        }
        boolean fromSecret = Manifest.objects(container, "env").stream().anyMatch(env ->
                app.serviceClientSecret().contains(Manifest.string(env, "name"))
                        && Manifest.has(Manifest.object(env, "valueFrom"), "secretKeyRef"));
        if (!fromSecret) {
            problems.add(why + ": set " + String.join(" or ", app.serviceClientSecret()) + " from a Secret (valueFrom.secretKeyRef)");
        }
    }

    /**
     * The OIDC provider the application's QUARKUS_OIDC_AUTH_SERVER_URL names must be reachable: an
     * in-cluster Service (by its DNS name) whose pods the NetworkPolicies let the application connect
     * to, or an address outside the cluster that an Egress rule lets it reach on the URL's port.
     */
    private void oidcReachable(Manifest d, AppConfig app, JsonObject container) {
        if (!app.deploymentSettings().contains(OIDC_URL)) {
            return;
        }
        Optional<String> value = environmentValue(container, OIDC_URL);
        if (value.isEmpty()) {
            return;
        }
        String id = d.id();
        String namespace = NetworkPolicies.namespace(d);
        URI url;
        try {
            url = new URI(value.get());
        } catch (URISyntaxException e) {
            problems.add(id + ": " + OIDC_URL + " is not a URL: " + value.get());
            return;
        }
        if (url.getHost() == null || !Set.of("http", "https").contains(String.valueOf(url.getScheme()))) {
            problems.add(id + ": " + OIDC_URL + " is not an http(s) URL with a host: " + value.get());
            return;
        }
        int port = url.getPort() != -1 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
        Optional<NetworkPolicies.Pod> self = network.pods().stream()
                .filter(p -> p.name().equals(d.name()) && p.namespace().equals(namespace)).findFirst();
        if (self.isEmpty()) {
            return;
        }
        String host = url.getHost();
        String[] labels = host.split("\\.");
        boolean clusterName = labels.length == 1 || host.endsWith(".svc") || host.endsWith(".svc.cluster.local")
                || labels.length == 2 && find("Namespace", labels[1]).isPresent();
        if (!clusterName) {
            if (!network.allowedOutside(self.get(), port)) {
                problems.add(id + ": cannot reach the OIDC provider " + value.get() + ": no Egress rule lets it leave"
                        + " the cluster on port " + port);
            }
            return;
        }
        String serviceNamespace = labels.length == 1 ? namespace : labels[1];
        Optional<Manifest> service = find("Service", serviceNamespace, labels[0]);
        if (service.isEmpty()) {
            problems.add(id + ": " + OIDC_URL + " names the Service " + labels[0] + " in namespace " + serviceNamespace
                    + ", which is not in the manifest");
            return;
        }
        Optional<JsonObject> servicePort = Manifest.objects(service.get().spec(), "ports").stream()
                .filter(p -> String.valueOf(port).equals(Manifest.string(p, "port"))).findFirst();
        if (servicePort.isEmpty()) {
            problems.add(id + ": " + OIDC_URL + " uses port " + port + ", which " + service.get().id() + " does not serve");
            return;
        }
        String target = Manifest.has(servicePort.get(), "targetPort") ? Manifest.string(servicePort.get(), "targetPort") : String.valueOf(port);
        Map<String, String> selector = NetworkPolicies.labels(Manifest.object(service.get().spec(), "selector"));
        boolean reachable = network.pods().stream()
                .filter(p -> p.namespace().equals(serviceNamespace) && !selector.isEmpty()
                        && selector.entrySet().stream().allMatch(e -> e.getValue().equals(p.labels().get(e.getKey()))))
                .anyMatch(p -> p.ports().entrySet().stream()
                        .filter(e -> target.equals(String.valueOf(e.getKey())) || target.equals(e.getValue()))
                        .anyMatch(e -> network.allowed(self.get(), p, e.getKey())));
        if (!reachable) {
            problems.add(id + ": cannot reach the OIDC provider " + value.get() + ": the NetworkPolicies do not let it"
                    + " connect to the pods of " + service.get().id() + " (port " + target + ")");
        }
    }

    /** The literal value a container gets for {@code name}: from env, or from a ConfigMap of envFrom. */
    private Optional<String> environmentValue(JsonObject container, String name) {
        for (JsonObject env : Manifest.objects(container, "env")) {
            if (name.equals(Manifest.string(env, "name"))) {
                return Optional.ofNullable(Manifest.string(env, "value"));
            }
        }
        Optional<String> value = Optional.empty();
        for (JsonObject source : Manifest.objects(container, "envFrom")) {
            String prefix = Objects.requireNonNullElse(Manifest.string(source, "prefix"), "");
            if (!name.startsWith(prefix)) {
                continue;
            }
            Optional<Manifest> map = find("ConfigMap", Manifest.string(Manifest.object(source, "configMapRef"), "name"));
            String key = name.substring(prefix.length());
            if (map.isPresent() && Manifest.object(map.get().json(), "data").has(key)) {
                value = Optional.ofNullable(Manifest.string(Manifest.object(map.get().json(), "data"), key)); // later sources win
            }
        }
        return value;
    }

    // ---- calls between applications ----

    /** Between application pods, the NetworkPolicies allow exactly the calls of the design. */
    private void designedCalls() {
        if (design.calls().isEmpty()) {
            return;
        }
        List<NetworkPolicies.Pod> appPods = network.pods().stream().filter(p -> apps.containsKey(p.name())).toList();
        for (NetworkPolicies.Pod from : appPods) {
            for (NetworkPolicies.Pod to : appPods) {
                if (from == to || !from.namespace().equals(to.namespace())) {
                    continue;
                }
                String call = Design.call(from.name(), to.name());
                boolean allowed = network.allowed(from, to);
                boolean designed = design.calls().contains(call);
                if (allowed && !designed) {
                    problems.add("NetworkPolicies allow " + call + ", a call " + Design.CONTRACTS
                            + " does not have: narrow the policies (or add the call to the contracts)");
                } else if (designed && !allowed) {
                    problems.add(Design.CONTRACTS + " has the call " + call + ", which the NetworkPolicies do not allow"
                            + " (Egress of " + from.name() + " and Ingress of " + to.name() + ")");
                }
            }
        }
    }

    private void environment(String id, AppConfig app, JsonObject container) {
        for (JsonObject env : Manifest.objects(container, "env")) {
            String name = Manifest.string(env, "name");
            if (DB_CREDENTIALS.contains(name) && !SECRET_NAME.matcher(name).matches()
                    && !Manifest.has(Manifest.object(env, "valueFrom"), "secretKeyRef")) {
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
        boolean devOnly = "true".equals(Manifest.string(Manifest.object(s.metadata(), "labels"), DEV_ONLY_LABEL));
        boolean devNamespace = find("Namespace", NetworkPolicies.namespace(s))
                .map(n -> "dev".equals(Manifest.string(Manifest.object(n.metadata(), "labels"), ENVIRONMENT_LABEL)))
                .orElse(false);
        if (!devOnly || !devNamespace) {
            problems.add(s.id() + ": a rendered Secret carries committed values; only dev-only Secrets (label "
                    + DEV_ONLY_LABEL + "=true) in a dev namespace (a Namespace of the manifest labelled "
                    + ENVIRONMENT_LABEL + "=dev) may. Other credentials are created outside kustomize, by the"
                    + " operator or the cluster (" + ExternalObjects.README + ")");
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
        for (JsonObject tls : Manifest.objects(ingress.spec(), "tls")) {
            if (Manifest.has(tls, "secretName")) {
                resolve(ingress.id() + " tls", NetworkPolicies.namespace(ingress), "Secret", Manifest.string(tls, "secretName"),
                        Set.of("tls.crt", "tls.key"));
            }
        }
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

    /** Every documented external object of a namespace the manifest has is used, and not generated after all. */
    private void externalObjectsInUse() {
        Set<String> namespaces = new TreeSet<>();
        manifests.forEach(m -> namespaces.add(NetworkPolicies.namespace(m)));
        for (ExternalObjects.ExternalObject object : external.all()) {
            if (!namespaces.contains(object.namespace())) {
                continue;
            }
            if (find(object.kind(), object.namespace(), object.name()).isPresent()) {
                problems.add(object.kind() + "/" + object.name() + ": the overlay generates it, but " + ExternalObjects.README
                        + " documents it as created outside kustomize: keep one of the two");
            } else if (!externalInUse.contains(object.id())) {
                problems.add(ExternalObjects.README + " documents " + object.kind() + " " + object.name() + " in namespace "
                        + object.namespace() + " as created outside kustomize, but nothing in the manifest uses it: remove the row");
            }
        }
    }

    // ---- helpers ----

    private Optional<Manifest> find(String kind, String namespace, String name) {
        return manifests.stream().filter(m -> Objects.equals(m.kind(), kind) && Objects.equals(m.name(), name)
                && NetworkPolicies.namespace(m).equals(namespace)).findFirst();
    }

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
