package io.motcrm.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonObject;

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
                "feedback-service -> customer-service", "feedback-service -> loyalty-service"));
        if (overlay.equals("dev")) {
            expected.addAll(List.of(
                    "customer-service -> postgresql", "feedback-service -> postgresql", "loyalty-service -> postgresql",
                    "customer-service -> keycloak", "feedback-service -> keycloak", "loyalty-service -> keycloak",
                    "gateway -> keycloak"));
        } else {
            expected.addAll(List.of(
                    "customer-service -> customer-db", "feedback-service -> feedback-db", "loyalty-service -> loyalty-db"));
        }
        assertThat(new NetworkPolicies(render(overlay)).allowedConnections()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void renamingAConfigKeyInAnApplicationFailsTheOverlay() throws java.io.IOException {
        String properties = java.nio.file.Files.readString(
                Repository.root().resolve("customer-service/src/main/resources/application.properties"));
        assertThat(properties).contains("${MOTCRM_DB_HOST");
        Map<String, AppConfig> apps = new java.util.HashMap<>(validator.apps());
        apps.put("customer-service", AppConfig.parse("customer-service", properties.replace("MOTCRM_DB_HOST", "MOTCRM_DB_SERVER")));

        List<String> problems = new ManifestValidator(apps, ManifestValidator.awaitedConfig()).validate(render("dev")).problems();

        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("sets MOTCRM_DB_HOST, which customer-service does not read"))
                .anySatisfy(p -> assertThat(p).contains("does not set MOTCRM_DB_SERVER"));
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
