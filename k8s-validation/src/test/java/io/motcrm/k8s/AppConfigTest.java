package io.motcrm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void keysExpressionsAndProfilesBecomeEnvironmentNames() {
        AppConfig config = AppConfig.parse("svc", """
                quarkus.datasource.jdbc.max-size=${MOTCRM_DB_POOL_SIZE:20}
                %prod.quarkus.datasource.username=${MOTCRM_DB_USER:postgres}
                %dev,test.quarkus.log.level=DEBUG
                quarkus.rest-client."loyalty-api".url=http://localhost:8083
                quarkus.oidc.auth-server-url=${keycloak.url:http://localhost:8180}/realms/motcrm
                """);

        assertThat(config.envNames()).contains(
                "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "MOTCRM_DB_POOL_SIZE",
                "QUARKUS_DATASOURCE_USERNAME", "_PROD_QUARKUS_DATASOURCE_USERNAME", "MOTCRM_DB_USER",
                "QUARKUS_LOG_LEVEL", "_DEV_QUARKUS_LOG_LEVEL", "_TEST_QUARKUS_LOG_LEVEL",
                "QUARKUS_REST_CLIENT__LOYALTY_API__URL", "QUARKUS_OIDC_AUTH_SERVER_URL", "KEYCLOAK_URL");
        assertThat(config.envNames()).doesNotContain("MOTCRM_DB_HOST", "QUARKUS_REST_CLIENT_LOYALTY_API_URL");
    }

    @Test
    void connectionSettingsMustBeSetByADeployment() {
        AppConfig config = AppConfig.parse("svc", """
                %prod.quarkus.datasource.jdbc.url=jdbc:postgresql://${MOTCRM_DB_HOST:127.0.0.1}/db
                %test.quarkus.datasource.jdbc.url=jdbc:postgresql://${MOTCRM_TEST_DB_HOST:127.0.0.1}/db
                quarkus.rest-client.loyalty-api.url=http://localhost:8083
                quarkus.http.port=8081
                """);

        assertThat(config.deploymentSettings())
                .containsExactlyInAnyOrder("MOTCRM_DB_HOST", "QUARKUS_REST_CLIENT_LOYALTY_API_URL");
    }

    @Test
    void platformDefaultsAreReadAndTheApplicationsOwnFileWins() {
        AppConfig config = AppConfig.parse("svc", """
                %dev,prod.quarkus.oidc.auth-server-url=http://localhost:8180/realms/motcrm
                quarkus.oidc-client.client-id=${quarkus.application.name}
                %dev,prod.quarkus.oidc-client.credentials.secret=${MOTCRM_SERVICE_CLIENT_SECRET:dev-${quarkus.application.name}-secret}
                quarkus.log.console.format=${MOTCRM_LOG_FORMAT:%d %s%n}
                """, """
                quarkus.http.port=8081
                quarkus.log.console.format=%s%n
                """);

        assertThat(config.envNames()).contains("QUARKUS_HTTP_PORT", "QUARKUS_OIDC_AUTH_SERVER_URL",
                "_PROD_QUARKUS_OIDC_AUTH_SERVER_URL", "MOTCRM_SERVICE_CLIENT_SECRET", "QUARKUS_APPLICATION_NAME",
                "QUARKUS_LOG_CONSOLE_FORMAT");
        assertThat(config.envNames()).as("the application's value replaces the default's expression")
                .doesNotContain("MOTCRM_LOG_FORMAT");
        assertThat(config.deploymentSettings()).containsExactly("QUARKUS_OIDC_AUTH_SERVER_URL");
        assertThat(config.serviceClientSecret()).containsExactly("MOTCRM_SERVICE_CLIENT_SECRET");
        assertThat(AppConfig.parse("svc", "quarkus.http.port=8081").serviceClientSecret()).isEmpty();
    }

    @Test
    void everyApplicationOfTheRepositoryInheritsThePlatformDefaults() {
        var apps = ManifestValidator.applications(Repository.root());

        assertThat(apps).containsOnlyKeys("customer-service", "feedback-service", "loyalty-service", "gateway");
        apps.values().forEach(app -> {
            assertThat(app.deploymentSettings()).as(app.module()).contains("QUARKUS_OIDC_AUTH_SERVER_URL");
            assertThat(app.serviceClientSecret()).as(app.module()).containsExactly("MOTCRM_SERVICE_CLIENT_SECRET");
        });
    }
}
