package io.motcrm.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes sure a service's test database exists before the application starts. The datasource itself
 * is configured in each service's {@code %test} properties: PostgreSQL on 127.0.0.1:5432 unless
 * {@code MOTCRM_TEST_DB_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD} say otherwise; this
 * resource reads the same variables. With the {@code devservices} test profile
 * ({@code -Dquarkus.test.profile=test,devservices}) the URL is left unset and Quarkus Dev Services
 * starts a database in Docker instead, so this resource does nothing.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "motcrm_test");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Test database name must be a plain identifier: " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        if (System.getProperty("quarkus.test.profile", "").contains("devservices")) {
            return Map.of();
        }
        String host = env("MOTCRM_TEST_DB_HOST").orElse("127.0.0.1");
        String port = env("MOTCRM_TEST_DB_PORT").orElse("5432");
        String user = env("MOTCRM_TEST_DB_USER").orElse("postgres");
        String password = env("MOTCRM_TEST_DB_PASSWORD").orElse("postgres");
        String server = "jdbc:postgresql://" + host + ":" + port + "/";
        try (Connection connection = DriverManager.getConnection(server + "postgres", user, password)) {
            boolean exists;
            try (var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                check.setString(1, database);
                exists = check.executeQuery().next();
            }
            if (!exists) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + database);
                } catch (SQLException e) {
                    // Another test JVM may have created it at the same moment.
                    if (!"42P04".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test PostgreSQL at " + host + ":" + port + " as " + user
                    + " (" + e.getMessage() + "). Start it (./crm test does), point MOTCRM_TEST_DB_HOST/PORT/USER/PASSWORD"
                    + " at one, or run with -Dquarkus.test.profile=test,devservices where Docker is available.", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // The database is kept: Flyway's clean-at-start gives each run a fresh schema.
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
