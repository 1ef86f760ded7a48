package io.motcrm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.motcrm.k8s.ExternalObjects.ExternalObject;

/**
 * Feeds deliberately broken manifests to the same validator the overlays go through: a valid fixture
 * (fixtures/customer-service.yaml) with one thing changed at a time. Needs no kubectl.
 */
class BrokenManifestTest {

    private static final String FIXTURE = resource("/fixtures/customer-service.yaml");
    /** customer-service calls loyalty-service's /internal API; its client Secret is created outside kustomize. */
    private static final Design DESIGN = new Design(Set.of(), Set.of("customer-service -> loyalty-service"));
    private static final ExternalObject CLIENT_SECRET = new ExternalObject("fixture", "Secret", "customer-service-oidc-client", Set.of("client-secret"));
    private static final ManifestValidator VALIDATOR = new ManifestValidator(
            Map.of("customer-service", AppConfig.parse("customer-service", resource("/fixtures/customer-service.properties"))),
            Map.of(), DESIGN, new ExternalObjects(List.of(CLIENT_SECRET)));
    private static final String DEV_NAMESPACE = """
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: fixture
              labels:
                motcrm.io/environment: dev
            """;

    @Test
    void theFixtureItselfIsValid() {
        assertThat(VALIDATOR.validate(FIXTURE).problems()).isEmpty();
    }

    @Test
    void aMisspelledFieldIsRejectedBySchema() {
        assertThat(problems(y -> y.replace("readinessProbe:", "readinesProbe:")))
                .anySatisfy(p -> assertThat(p).contains("Deployment/customer-service").contains("readinesProbe"))
                .anySatisfy(p -> assertThat(p).contains("has no readinessProbe"));
    }

    @Test
    void aMistypedValueIsRejectedBySchema() {
        assertThat(problems(y -> y.replace("containerPort: 8081", "containerPort: eighty-eighty-one")))
                .anySatisfy(p -> assertThat(p).contains("Deployment/customer-service").contains("schema"));
    }

    @Test
    void aFieldInTheWrongPlaceIsRejectedBySchema() {
        // A valid container field, but under the pod spec, where Kubernetes would drop or reject it.
        assertThat(problems(y -> y.replace("      containers:\n", "      readOnlyRootFilesystem: true\n      containers:\n")))
                .anySatisfy(p -> assertThat(p).contains("readOnlyRootFilesystem"));
    }

    @Test
    void theLatestTagIsRejected() {
        assertThat(problems(y -> y.replace("customer-service:0.1.0", "customer-service:latest")))
                .anySatisfy(p -> assertThat(p).contains("latest"));
    }

    @Test
    void anUntaggedImageIsRejected() {
        assertThat(problems(y -> y.replace("customer-service:0.1.0", "customer-service")))
                .anySatisfy(p -> assertThat(p).contains("not pinned"));
        assertThat(problems(y -> y.replace("postgresql:15.14", "postgresql")))
                .anySatisfy(p -> assertThat(p).contains("Cluster/customer-db").contains("not pinned"));
    }

    @Test
    void aDeploymentWithoutDisruptionBudgetIsRejected() {
        assertThat(problems(y -> without(y, "kind: PodDisruptionBudget")))
                .anySatisfy(p -> assertThat(p).contains("no PodDisruptionBudget"));
    }

    @Test
    void aDisruptionBudgetSelectingOtherPodsDoesNotCount() {
        assertThat(problems(y -> y.replaceFirst("(?s)(kind: PodDisruptionBudget.*?app.kubernetes.io/name: )customer-service", "$1loyalty-service")))
                .anySatisfy(p -> assertThat(p).contains("no PodDisruptionBudget"));
    }

    @Test
    void aDeploymentWithoutAutoscalerIsRejected() {
        assertThat(problems(y -> without(y, "kind: HorizontalPodAutoscaler")))
                .anySatisfy(p -> assertThat(p).contains("no HorizontalPodAutoscaler"));
    }

    @Test
    void anEnvironmentVariableTheApplicationDoesNotReadIsRejected() {
        assertThat(problems(y -> y.replace("  MOTCRM_DB_HOST: customer-db-rw", "  MOTCRM_DB_HOSTNAME: customer-db-rw")))
                .anySatisfy(p -> assertThat(p).contains("sets MOTCRM_DB_HOSTNAME, which customer-service does not read"))
                .anySatisfy(p -> assertThat(p).contains("does not set MOTCRM_DB_HOST,"));
        assertThat(problems(y -> y.replace("QUARKUS_REST_CLIENT_LOYALTY_API_URL", "QUARKUS_REST_CLIENT_LOYALTY_URL")))
                .anySatisfy(p -> assertThat(p).contains("sets QUARKUS_REST_CLIENT_LOYALTY_URL, which customer-service does not read"))
                .anySatisfy(p -> assertThat(p).contains("does not set QUARKUS_REST_CLIENT_LOYALTY_API_URL"));
    }

    @Test
    void aNameAwaitedForTheApplicationIsANoticeAndAStaleEntryAProblem() {
        ManifestValidator awaiting = new ManifestValidator(VALIDATOR.apps(),
                Map.of("customer-service", Set.of("QUARKUS_OIDC_AUTH_SERVER_URL")), VALIDATOR.design(), VALIDATOR.external());

        ManifestValidator.Result set = awaiting.validate(
                FIXTURE.replace("  MOTCRM_DB_NAME: customer_db", "  MOTCRM_DB_NAME: customer_db\n  QUARKUS_OIDC_AUTH_SERVER_URL: https://sso.example/realms/x"));
        assertThat(set.problems()).isEmpty();
        assertThat(set.notices()).anySatisfy(n -> assertThat(n).contains("QUARKUS_OIDC_AUTH_SERVER_URL ahead of customer-service"));

        assertThat(awaiting.validate(FIXTURE).problems())
                .anySatisfy(p -> assertThat(p).contains("lists QUARKUS_OIDC_AUTH_SERVER_URL for customer-service, which its Deployment no longer sets"));
    }

    @Test
    void aDatabasePasswordInPlainTextIsRejected() {
        assertThat(problems(y -> y.replace("""
                            - name: MOTCRM_DB_PASSWORD
                              valueFrom:
                                secretKeyRef:
                                  name: customer-db-app
                                  key: password
                """, """
                            - name: MOTCRM_DB_PASSWORD
                              value: hunter2
                """)))
                .anySatisfy(p -> assertThat(p).contains("MOTCRM_DB_PASSWORD must come from a Secret"));
    }

    @Test
    void aSecretThatNothingCreatesIsRejected() {
        assertThat(problems(y -> y.replace("name: customer-db-app", "name: customer-db-credentials")))
                .anySatisfy(p -> assertThat(p).contains("reads Secret customer-db-credentials"));
        assertThat(problems(y -> y.replace("name: customer-service-oidc-client", "name: customer-service-oidc")))
                .anySatisfy(p -> assertThat(p).contains("reads Secret customer-service-oidc, which is neither in the manifest"))
                .anySatisfy(p -> assertThat(p).contains("documents Secret customer-service-oidc-client in namespace fixture")
                        .contains("nothing in the manifest uses it"));
        assertThat(problems(y -> y.replace("key: client-secret", "key: secret")))
                .anySatisfy(p -> assertThat(p).contains("reads key secret of Secret customer-service-oidc-client, which k8s/README.md does not list"));
    }

    @Test
    void aServiceClientSecretOutsideASecretIsRejected() {
        assertThat(problems(y -> y.replace("""
                            - name: MOTCRM_SERVICE_CLIENT_SECRET
                              valueFrom:
                                secretKeyRef:
                                  name: customer-service-oidc-client
                                  key: client-secret
                """, """
                            - name: MOTCRM_SERVICE_CLIENT_SECRET
                              value: dev-customer-service-secret
                """)))
                .anySatisfy(p -> assertThat(p).contains("MOTCRM_SERVICE_CLIENT_SECRET must come from a Secret"))
                .anySatisfy(p -> assertThat(p).contains("calls the /internal API of loyalty-service (docs/contracts.md)")
                        .contains("set MOTCRM_SERVICE_CLIENT_SECRET from a Secret"));
        assertThat(problems(y -> y.replace("  MOTCRM_DB_NAME: customer_db", "  MOTCRM_DB_NAME: customer_db\n  QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET: s3cret")))
                .anySatisfy(p -> assertThat(p).contains("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET comes from ConfigMap customer-service-config"));
    }

    @Test
    void aServiceThatCallsAnInternalApiWithoutItsClientSecretIsRejected() {
        assertThat(problems(y -> y.replace("""
                            - name: MOTCRM_SERVICE_CLIENT_SECRET
                              valueFrom:
                                secretKeyRef:
                                  name: customer-service-oidc-client
                                  key: client-secret
                """, "")))
                .anySatisfy(p -> assertThat(p).contains("Deployment/customer-service: calls the /internal API of loyalty-service"));
    }

    @Test
    void aSecretWithValuesIsAcceptedOnlyWhenDevOnlyInADevNamespace() {
        String secret = """
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: extra
                  namespace: fixture
                  labels:
                    motcrm.io/dev-only: "true"
                stringData:
                  password: dev-only
                """;
        assertThat(VALIDATOR.validate(FIXTURE + DEV_NAMESPACE + secret).problems()).isEmpty();
        assertThat(problems(y -> y + DEV_NAMESPACE.replace("environment: dev", "environment: prod") + secret))
                .anySatisfy(p -> assertThat(p).contains("Secret/extra: a rendered Secret carries committed values"));
        assertThat(problems(y -> y + secret))
                .anySatisfy(p -> assertThat(p).contains("Secret/extra: a rendered Secret carries committed values"));
        assertThat(problems(y -> y + DEV_NAMESPACE + secret.replace("motcrm.io/dev-only", "motcrm.io/demo")))
                .anySatisfy(p -> assertThat(p).contains("Secret/extra: a rendered Secret carries committed values"));
    }

    @Test
    void anObjectDocumentedAsExternalButGeneratedIsRejected() {
        assertThat(problems(y -> y + DEV_NAMESPACE + """
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: customer-service-oidc-client
                  namespace: fixture
                  labels:
                    motcrm.io/dev-only: "true"
                stringData:
                  client-secret: dev-customer-service-secret
                """))
                .anySatisfy(p -> assertThat(p).contains("Secret/customer-service-oidc-client: the overlay generates it, but k8s/README.md documents it"));
    }

    @Test
    void aVolumeFromAConfigMapNothingCreatesIsRejected() {
        assertThat(problems(y -> y.replace("""
                      volumes:
                        - name: tmp
                """, """
                      volumes:
                        - name: realm
                          configMap:
                            name: keycloak-realm
                        - name: tmp
                """)))
                .anySatisfy(p -> assertThat(p).contains("Deployment/customer-service volume realm: reads ConfigMap keycloak-realm, which is neither in the manifest"));
    }

    @Test
    void weakenedSecurityContextsAreRejected() {
        assertThat(problems(y -> y.replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true")))
                .anySatisfy(p -> assertThat(p).contains("allowPrivilegeEscalation"));
        assertThat(problems(y -> y.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")))
                .anySatisfy(p -> assertThat(p).contains("readOnlyRootFilesystem is not true"));
        assertThat(problems(y -> y.replace("runAsNonRoot: true", "runAsNonRoot: false")))
                .anySatisfy(p -> assertThat(p).contains("runAsNonRoot"));
        assertThat(problems(y -> y.replace("- ALL", "- NET_RAW")))
                .anySatisfy(p -> assertThat(p).contains("capabilities.drop"));
        assertThat(problems(y -> y.replace("mountPath: /tmp", "mountPath: /scratch")))
                .anySatisfy(p -> assertThat(p).contains("emptyDir volume mounted at /tmp"));
    }

    @Test
    void missingResourceLimitsAreRejected() {
        assertThat(problems(y -> y.replace("""
                            limits:
                              cpu: "1"
                              memory: 256Mi
                """, "")))
                .anySatisfy(p -> assertThat(p).contains("resources.limits.memory is not set"));
    }

    @Test
    void aPodNoPolicyCoversBothWaysIsRejected() {
        assertThat(problems(y -> without(y, "name: default-deny-all")))
                .anySatisfy(p -> assertThat(p).contains("customer-service: no NetworkPolicy with both Ingress and Egress"))
                .anySatisfy(p -> assertThat(p).contains("customer-db: no NetworkPolicy with both Ingress and Egress"));
    }

    @Test
    void aMisspelledClusterFieldIsRejected() {
        assertThat(problems(y -> y.replace("  instances: 2", "  instance: 2")))
                .anySatisfy(p -> assertThat(p).contains("spec.instance is not part of the CloudNativePG Cluster schema"))
                .anySatisfy(p -> assertThat(p).contains("spec.instances must be a number"));
    }

    @Test
    void anUnknownKindIsRejected() {
        assertThat(problems(y -> y.replace("kind: Service\n", "kind: Servic\n")))
                .anySatisfy(p -> assertThat(p).contains("v1/Servic is not a kind this validator knows"));
    }

    private static List<String> problems(UnaryOperator<String> change) {
        String broken = change.apply(FIXTURE);
        assertThat(broken).as("the change applies to the fixture").isNotEqualTo(FIXTURE);
        return VALIDATOR.validate(broken).problems();
    }

    /** The fixture without the YAML document containing {@code marker}. */
    private static String without(String yaml, String marker) {
        StringBuilder kept = new StringBuilder();
        for (String document : yaml.split("(?m)^---\n")) {
            if (!document.contains(marker)) {
                kept.append(document).append("---\n");
            }
        }
        return kept.toString();
    }

    private static String resource(String path) {
        try (InputStream in = BrokenManifestTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
