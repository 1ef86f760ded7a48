package io.motcrm.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The documents the validation reads: the calls of docs/contracts.md and the external objects of k8s/README.md. */
class DocumentsTest {

    @Test
    void theContractsDesignTheseCallsBetweenApplications() {
        Design design = Design.of(Repository.root());

        assertThat(design.routed()).containsExactlyInAnyOrder(
                "gateway -> customer-service", "gateway -> feedback-service", "gateway -> loyalty-service");
        assertThat(design.internal()).containsExactlyInAnyOrder(
                "customer-service -> loyalty-service", "customer-service -> feedback-service",
                "customer-service -> customer-service", "feedback-service -> loyalty-service",
                "feedback-service -> customer-service", "loyalty-service -> customer-service");
        assertThat(design.internalCallers()).containsExactly("customer-service", "feedback-service", "loyalty-service");
        assertThat(design.internalCallees("feedback-service")).containsExactly("customer-service", "loyalty-service");
    }

    @Test
    void contractsWithoutTheSectionsFailLoudly() {
        assertThatThrownBy(() -> Design.parse("# Contracts\n\n## Public routes\n\nnone yet\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Internal calls");
        Design design = Design.parse("""
                ## Public routes
                | prefix | service | notes |
                |--------|---------|-------|
                | `/a`   | `alpha` | x     |
                ## Internal calls
                ### alpha -> beta (outbox)
                ### not a call
                ## Configuration
                ### beta → gamma
                """);
        assertThat(design.calls()).containsExactlyInAnyOrder("gateway -> alpha", "alpha -> beta");
    }

    @Test
    void theReadmeListsTheObjectsCreatedOutsideKustomize() {
        ExternalObjects external = ExternalObjects.of(Repository.root());

        assertThat(external.all()).extracting(ExternalObjects.ExternalObject::id).containsExactlyInAnyOrder(
                "motcrm-dev/ConfigMap/keycloak-realm", "motcrm/Secret/customer-service-oidc-client",
                "motcrm/Secret/feedback-service-oidc-client", "motcrm/Secret/feedback-public-links",
                "motcrm/Secret/loyalty-service-oidc-client", "motcrm/Secret/customer-identity-client",
                "motcrm/Secret/loyalty-partner-references", "motcrm/Secret/gateway-tls");
        assertThat(external.find("motcrm", "Secret", "gateway-tls").orElseThrow().keys())
                .containsExactlyInAnyOrder("tls.crt", "tls.key");
        assertThat(external.find("motcrm", "Secret", "customer-service-oidc-client").orElseThrow().keys())
                .containsExactly("client-secret");
    }

    @Test
    void aReadmeWithoutTheTableFailsLoudly() {
        assertThatThrownBy(() -> ExternalObjects.parse("# k8s\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ExternalObjects.HEADING);
        assertThatThrownBy(() -> ExternalObjects.parse(ExternalObjects.HEADING + "\n\n| name | kind |\n|---|---|\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("columns");
    }
}
