package io.motcrm.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Renders each overlay with kubectl kustomize and validates every object it produces. */
class OverlaysTest {

    private static final Map<String, List<Manifest>> RENDERED = new ConcurrentHashMap<>();
    private static final String NO_KUBECTL = "kubectl is not on the PATH: the overlays in k8s/ are not rendered or"
            + " validated in this run. Install kubectl (kubectl kustomize renders offline) to run these checks.";

    private static boolean kubectl;
    private static ManifestValidator validator;

    @BeforeAll
    static void findKubectl() {
        kubectl = Kustomize.available();
        if (!kubectl) {
            System.err.println("WARNING: " + NO_KUBECTL);
        }
        validator = ManifestValidator.forRepository(Repository.root());
    }

    @BeforeEach
    void kubectlIsThere() {
        if (Boolean.getBoolean("motcrm.require-kubectl")) {
            assertThat(kubectl).as(NO_KUBECTL + " (-Dmotcrm.require-kubectl=true: this run must validate them)").isTrue();
        }
        assumeTrue(kubectl, NO_KUBECTL);
    }

    static List<Manifest> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Manifest.parseAll(Kustomize.build(Repository.overlay(o))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectPassesTheSchemaAndTheRules(String overlay) {
        ManifestValidator.Result result = validator.validate(render(overlay));
        result.notices().forEach(n -> System.out.println("[" + overlay + "] notice: " + n));
        assertThat(result.problems()).as("problems in k8s/overlays/" + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyApplicationIsDeployedWithItsAutoscalerAndDisruptionBudget(String overlay) {
        List<Manifest> manifests = render(overlay);
        for (String app : validator.apps().keySet()) {
            assertThat(manifests).as(overlay + ": Deployment, HPA, PDB and Service of " + app)
                    .anySatisfy(m -> assertThat(m.id()).isEqualTo("Deployment/" + app))
                    .anySatisfy(m -> assertThat(m.id()).isEqualTo("HorizontalPodAutoscaler/" + app))
                    .anySatisfy(m -> assertThat(m.id()).isEqualTo("PodDisruptionBudget/" + app))
                    .anySatisfy(m -> assertThat(m.id()).isEqualTo("Service/" + app));
        }
        assertThat(manifests).anySatisfy(m -> assertThat(m.id()).isEqualTo("Ingress/gateway"));
    }

    @Test
    void devRunsJvmImagesWithOneReplicaAndInClusterPostgresAndKeycloak() {
        List<Manifest> dev = render("dev");
        for (String app : validator.apps().keySet()) {
            assertThat(image(dev, app)).isEqualTo("ghcr.io/motcrm/" + app + ":0.1.0-jvm");
            assertThat(find(dev, "HorizontalPodAutoscaler", app).spec().get("minReplicas").getAsInt()).isEqualTo(1);
        }
        assertThat(image(dev, "postgresql")).startsWith("postgres:15.");
        assertThat(image(dev, "keycloak")).startsWith("quay.io/keycloak/keycloak:26.");
        assertThat(dev).filteredOn(m -> m.kind().equals("Cluster")).isEmpty();
        assertThat(dev).filteredOn(m -> m.kind().equals("ConfigMap") && m.name().startsWith("postgresql-init"))
                .singleElement()
                .satisfies(m -> assertThat(Manifest.object(m.json(), "data").toString())
                        .contains("customer_db", "feedback_db", "loyalty_db"));
    }

    @Test
    void prodRunsNativeImagesOnCloudNativePgAndCommitsNoSecret() {
        List<Manifest> prod = render("prod");
        for (String app : validator.apps().keySet()) {
            assertThat(image(prod, app)).isEqualTo("ghcr.io/motcrm/" + app + ":0.1.0");
            assertThat(find(prod, "HorizontalPodAutoscaler", app).spec().get("minReplicas").getAsInt()).isGreaterThanOrEqualTo(2);
        }
        assertThat(prod).filteredOn(m -> m.kind().equals("Secret")).isEmpty();
        assertThat(prod).filteredOn(m -> m.kind().equals("Cluster")).extracting(Manifest::name)
                .containsExactlyInAnyOrder("customer-db", "feedback-db", "loyalty-db");
        for (String db : List.of("customer", "feedback", "loyalty")) {
            assertThat(find(prod, "Deployment", db + "-service").json().toString())
                    .contains("{\"key\":\"password\",\"name\":\"" + db + "-db-app\"}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesAllowExactlyTheCallsTheDesignHas(String overlay) {
        List<String> expected = new java.util.ArrayList<>(List.of(
                "gateway -> customer-service", "gateway -> feedback-service", "gateway -> loyalty-service",
                "customer-service -> loyalty-service", "customer-service -> feedback-service",
                "feedback-service -> customer-service", "feedback-service -> loyalty-service",
                "loyalty-service -> customer-service"));
        if (overlay.equals("dev")) {
            expected.addAll(List.of(
                    "customer-service -> postgresql", "feedback-service -> postgresql", "loyalty-service -> postgresql",
                    "customer-service -> keycloak", "feedback-service -> keycloak", "loyalty-service -> keycloak",
                    "gateway -> keycloak"));
        } else {
            expected.addAll(List.of(
                    "customer-service -> customer-db", "feedback-service -> feedback-db", "loyalty-service -> loyalty-db"));
        }
        // A service's call to itself (customer-service's outbox to its own identity endpoint) is no connection
        // between pods that a policy must allow.
        assertThat(expected).as("the calls of docs/contracts.md").containsAll(validator.design().calls().stream()
                .filter(call -> !call.equals("customer-service -> customer-service")).toList());
        assertThat(validator.design().calls()).contains("customer-service -> customer-service");
        assertThat(new NetworkPolicies(render(overlay)).allowedConnections()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aCallMissingFromTheContractsOrFromThePoliciesFailsTheOverlay(String overlay) {
        Design design = validator.design();
        Set<String> fewer = new TreeSet<>(design.internal());
        fewer.remove("feedback-service -> customer-service");
        assertThat(validator.withDesign(new Design(design.routed(), fewer)).validate(render(overlay)).problems())
                .anySatisfy(p -> assertThat(p).contains("NetworkPolicies allow feedback-service -> customer-service, a call docs/contracts.md does not have"));

        Set<String> more = new TreeSet<>(design.internal());
        more.add("loyalty-service -> feedback-service");
        more.add("gateway -> feedback-service");
        assertThat(validator.withDesign(new Design(design.routed(), more)).validate(render(overlay)).problems())
                .anySatisfy(p -> assertThat(p).contains("docs/contracts.md has the call loyalty-service -> feedback-service, which the NetworkPolicies do not allow"))
                .anySatisfy(p -> assertThat(p).contains("Deployment/gateway: calls the /internal API of feedback-service")
                        .contains("set MOTCRM_SERVICE_CLIENT_SECRET from a Secret"));
    }

    @Test
    void everyApplicationMustReachTheOidcProvider() {
        List<Manifest> dev = copy(render("dev"));
        find(dev, "NetworkPolicy", "keycloak").spec().add("ingress", new JsonArray());
        List<String> devProblems = validator.validate(dev).problems();
        for (String app : validator.apps().keySet()) {
            assertThat(devProblems).anySatisfy(p -> assertThat(p).startsWith("Deployment/" + app + ": cannot reach the OIDC provider"
                    + " http://keycloak:8080/realms/motcrm: the NetworkPolicies do not let it connect to the pods of Service/keycloak"));
        }

        List<Manifest> elsewhere = copy(render("dev"));
        elsewhere.stream().filter(m -> m.kind().equals("ConfigMap") && m.name().startsWith("motcrm-oidc")).findFirst().orElseThrow()
                .json().getAsJsonObject("data").addProperty("QUARKUS_OIDC_AUTH_SERVER_URL", "http://sso:8080/realms/motcrm");
        assertThat(validator.validate(elsewhere).problems())
                .anySatisfy(p -> assertThat(p).contains("names the Service sso in namespace motcrm-dev, which is not in the manifest"));

        List<Manifest> prod = copy(render("prod"));
        JsonObject port = find(prod, "NetworkPolicy", "allow-oidc-egress").spec().getAsJsonArray("egress").get(0).getAsJsonObject()
                .getAsJsonArray("ports").get(0).getAsJsonObject();
        port.addProperty("port", 8443);
        List<String> prodProblems = validator.validate(prod).problems();
        for (String app : validator.apps().keySet()) {
            assertThat(prodProblems).anySatisfy(p -> assertThat(p).startsWith("Deployment/" + app + ": cannot reach the OIDC provider"
                    + " https://sso.motcrm.example/realms/motcrm: no Egress rule lets it leave the cluster on port 443"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesThatCallInternalApisGetTheirClientSecretFromASecret(String overlay) throws IOException {
        List<Manifest> manifests = render(overlay);
        JsonObject realm = JsonParser.parseString(Files.readString(Repository.root().resolve(REALM))).getAsJsonObject();
        assertThat(validator.design().internalCallers()).containsExactly("customer-service", "feedback-service", "loyalty-service");
        for (String app : validator.apps().keySet()) {
            Optional<JsonObject> ref = env(manifests, app, "MOTCRM_SERVICE_CLIENT_SECRET")
                    .map(e -> Manifest.object(Manifest.object(e, "valueFrom"), "secretKeyRef"));
            if (!validator.design().internalCallers().contains(app)) {
                assertThat(ref).as(app + " calls no /internal API").isEmpty();
                continue;
            }
            assertThat(ref).as(app).isPresent();
            assertThat(Manifest.string(ref.get(), "key")).isEqualTo("client-secret");
            String name = Manifest.string(ref.get(), "name");
            if (overlay.equals("prod")) {
                assertThat(name).isEqualTo(app + "-oidc-client");
                assertThat(validator.external().find("motcrm", "Secret", name)).as("documented in k8s/README.md").isPresent();
            } else {
                Manifest secret = find(manifests, "Secret", name);
                assertThat(name).startsWith(app + "-oidc-client-");
                String value = new String(Base64.getDecoder().decode(Manifest.string(Manifest.object(secret.json(), "data"), "client-secret")),
                        StandardCharsets.UTF_8);
                JsonObject client = Manifest.objects(realm, "clients").stream()
                        .filter(c -> app.equals(Manifest.string(c, "clientId"))).findFirst()
                        .orElseThrow(() -> new AssertionError(REALM + " has no client " + app));
                assertThat(value).as("the dev Secret holds the realm's local-development secret of " + app)
                        .isEqualTo(Manifest.string(client, "secret"));
            }
        }
    }

    @Test
    void devKeycloakImportsTheRealmOfTheRepository() throws IOException {
        List<Manifest> dev = render("dev");
        Manifest keycloak = find(dev, "Deployment", "keycloak");
        JsonObject podSpec = Manifest.object(Manifest.object(keycloak.spec(), "template"), "spec");
        JsonObject container = Manifest.objects(podSpec, "containers").get(0);
        assertThat(Manifest.strings(container, "args")).contains("start-dev", "--import-realm");
        JsonObject mount = Manifest.objects(container, "volumeMounts").stream()
                .filter(m -> "/opt/keycloak/data/import".equals(Manifest.string(m, "mountPath"))).findFirst()
                .orElseThrow(() -> new AssertionError("Keycloak mounts nothing at /opt/keycloak/data/import"));
        JsonObject volume = Manifest.objects(podSpec, "volumes").stream()
                .filter(v -> Manifest.string(mount, "name").equals(Manifest.string(v, "name"))).findFirst().orElseThrow();
        assertThat(Manifest.string(Manifest.object(volume, "configMap"), "name")).isEqualTo("keycloak-realm");
        assertThat(Manifest.objects(Manifest.object(volume, "configMap"), "items"))
                .singleElement().satisfies(item -> assertThat(Manifest.string(item, "key")).isEqualTo("motcrm-realm.json"));

        // Created from the repository's realm file with the documented command, never generated or copied.
        assertThat(dev).noneSatisfy(m -> assertThat(m.kind() + "/" + m.name()).startsWith("ConfigMap/keycloak-realm"));
        assertThat(validator.external().find("motcrm-dev", "ConfigMap", "keycloak-realm").orElseThrow().keys())
                .containsExactly("motcrm-realm.json");
        String command = "kubectl -n motcrm-dev create configmap keycloak-realm --from-file=" + REALM;
        assertThat(Files.readString(Repository.root().resolve(ExternalObjects.README))).contains(command);
        // The documented command (client-side dry run, offline) makes the key the Deployment mounts.
        List<Manifest> created = Manifest.parseAll(Kustomize.kubectl(Repository.root(),
                List.of((command.substring("kubectl ".length()) + " --dry-run=client -o yaml").split(" "))));
        assertThat(created).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("ConfigMap/keycloak-realm");
            assertThat(Manifest.object(m.json(), "data").keySet()).containsExactly("motcrm-realm.json");
        });
        assertThat(JsonParser.parseString(Files.readString(Repository.root().resolve(REALM))).getAsJsonObject().get("realm").getAsString())
                .isEqualTo("motcrm");
        try (Stream<Path> files = Files.walk(Repository.root().resolve("k8s"))) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .as("no copy of the realm under k8s/").noneMatch(f -> f.endsWith(".json"));
        }

        // The Keycloak ./crm up runs, so the realm imports the same way in both.
        Matcher version = Pattern.compile("(?m)^KC_VERSION=([\\w.-]+)").matcher(Files.readString(Repository.root().resolve("crm")));
        assertThat(version.find()).as("KC_VERSION in ./crm").isTrue();
        assertThat(image(dev, "keycloak")).isEqualTo("quay.io/keycloak/keycloak:" + version.group(1));
    }

    @Test
    void renamingAConfigKeyInAnApplicationFailsTheOverlay() throws IOException {
        String properties = Files.readString(Repository.root().resolve("customer-service/src/main/resources/application.properties"));
        String defaults = Files.readString(Repository.root().resolve(AppConfig.PLATFORM_DEFAULTS));
        assertThat(properties).contains("${MOTCRM_DB_HOST");
        Map<String, AppConfig> apps = new java.util.HashMap<>(validator.apps());
        apps.put("customer-service", AppConfig.parse("customer-service", defaults, properties.replace("MOTCRM_DB_HOST", "MOTCRM_DB_SERVER")));

        List<String> problems = validator.withApps(apps).validate(render("dev")).problems();

        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("sets MOTCRM_DB_HOST, which customer-service does not read"))
                .anySatisfy(p -> assertThat(p).contains("does not set MOTCRM_DB_SERVER"));
    }

    @Test
    void renamingAPlatformDefaultFailsTheOverlay() throws IOException {
        String defaults = Files.readString(Repository.root().resolve(AppConfig.PLATFORM_DEFAULTS));
        assertThat(defaults).contains("${MOTCRM_SERVICE_CLIENT_SECRET");
        Map<String, AppConfig> apps = new java.util.HashMap<>();
        for (String app : validator.apps().keySet()) {
            apps.put(app, AppConfig.parse(app, defaults.replace("MOTCRM_SERVICE_CLIENT_SECRET", "MOTCRM_OIDC_CLIENT_SECRET"),
                    Files.readString(Repository.root().resolve(app + "/src/main/resources/application.properties"))));
        }

        assertThat(validator.withApps(apps).validate(render("prod")).problems())
                .anySatisfy(p -> assertThat(p).contains("sets MOTCRM_SERVICE_CLIENT_SECRET, which customer-service does not read"))
                .anySatisfy(p -> assertThat(p).contains("Deployment/feedback-service: calls the /internal API")
                        .contains("set MOTCRM_OIDC_CLIENT_SECRET from a Secret"));
    }

    private static final String REALM = "keycloak/motcrm-realm.json";

    /** A deep copy, to change without touching the cached rendering. */
    private static List<Manifest> copy(List<Manifest> manifests) {
        return manifests.stream().map(m -> new Manifest(JsonParser.parseString(m.json().toString()).getAsJsonObject())).toList();
    }

    /** The env entry {@code name} of the application's first container, if it has one. */
    private static Optional<JsonObject> env(List<Manifest> manifests, String app, String name) {
        JsonObject container = Manifest.objects(Manifest.object(Manifest.object(find(manifests, "Deployment", app).spec(), "template"), "spec"),
                "containers").get(0);
        return Manifest.objects(container, "env").stream().filter(e -> name.equals(Manifest.string(e, "name"))).findFirst();
    }

    private static Manifest find(List<Manifest> manifests, String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + "/" + name + " is not rendered"));
    }

    private static String image(List<Manifest> manifests, String workload) {
        Manifest m = manifests.stream().filter(w -> (w.kind().equals("Deployment") || w.kind().equals("StatefulSet"))
                && w.name().equals(workload)).findFirst().orElseThrow(() -> new AssertionError(workload + " is not rendered"));
        JsonObject container = Manifest.objects(Manifest.object(Manifest.object(m.spec(), "template"), "spec"), "containers").get(0);
        return Manifest.string(container, "image");
    }
}
