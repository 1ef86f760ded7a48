package io.motcrm.system;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.restassured.specification.RequestSpecification;

/**
 * Where the suite could keep personal data, read as an operator with full access would: a data-only dump
 * of each service's database ({@code pg_dump}), the identity provider's user search (Keycloak's admin
 * API), and every log file of the run. Counts the occurrences of given values, case-insensitively.
 */
final class PersonalDataScan {

    /** The suite's databases (./crm's SERVICES). */
    static final List<String> DATABASES = List.of("customer_db", "feedback_db", "loyalty_db");
    static final String DB_HOST = Suite.setting("motcrm.db.host", "127.0.0.1");
    static final String DB_PORT = Suite.setting("motcrm.db.port", "5432");
    static final String DB_USER = Suite.setting("motcrm.db.user", "postgres");
    /** Local-development default of ./crm. */
    static final String DB_PASSWORD = Suite.setting("motcrm.db.password", "postgres");
    static final Path LOGS = Path.of(Suite.setting("motcrm.logs.dir", "../.crm/logs"));
    static final String KEYCLOAK_ADMIN_PASSWORD = Suite.setting("motcrm.keycloak.admin-password", "admin");

    private PersonalDataScan() {
    }

    /** Hits per value and per place ("customer_db", "keycloak", "log customer-service.log"...); places without hits are left out. */
    static Map<String, Map<String, Integer>> scan(Collection<String> values, String customerIdForKeycloak) {
        Map<String, String> places = new LinkedHashMap<>();
        for (String database : DATABASES) {
            places.put(database, dump(database));
        }
        places.put("keycloak", keycloakUsers(values, customerIdForKeycloak));
        try (Stream<Path> files = Files.list(LOGS)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                places.put("log " + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the suite's logs in " + LOGS.toAbsolutePath(), e);
        }
        Map<String, Map<String, Integer>> hits = new LinkedHashMap<>();
        for (String value : values) {
            Map<String, Integer> where = new LinkedHashMap<>();
            places.forEach((place, text) -> {
                int count = occurrences(text, value);
                if (count > 0) {
                    where.put(place, count);
                }
            });
            hits.put(value, where);
        }
        return hits;
    }

    static int total(Map<String, Map<String, Integer>> hits) {
        return hits.values().stream().flatMap(where -> where.values().stream()).mapToInt(Integer::intValue).sum();
    }

    static int occurrences(String text, String value) {
        String haystack = text.toLowerCase(Locale.ROOT);
        String needle = value.toLowerCase(Locale.ROOT);
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    /** The database's rows as pg_dump writes them (no schema). */
    static String dump(String database) {
        List<String> command = new ArrayList<>(List.of("pg_dump", "--data-only", "--no-owner", "--no-privileges",
                "-h", DB_HOST, "-p", DB_PORT, "-U", DB_USER, database));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("PGPASSWORD", DB_PASSWORD);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg_dump of " + database + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("pg_dump is needed (PostgreSQL's client tools)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Keycloak's user search for each value, and the users linked to the customer, as JSON text. */
    static String keycloakUsers(Collection<String> values, String customerId) {
        StringBuilder found = new StringBuilder();
        for (String value : values) {
            found.append(keycloakAdmin().queryParam("search", value).get("/users").then().statusCode(200)
                    .extract().asString());
        }
        if (customerId != null) {
            found.append(keycloakAdmin().queryParam("q", "customer_id:" + customerId).get("/users").then()
                    .statusCode(200).extract().asString());
        }
        return found.toString();
    }

    /** Keycloak's admin API for the motcrm realm, as its bootstrap administrator (local development). */
    static RequestSpecification keycloakAdmin() {
        String token = given().baseUri(Suite.KEYCLOAK).formParams(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", "admin", "password", KEYCLOAK_ADMIN_PASSWORD))
                .post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().baseUri(Suite.KEYCLOAK + "/admin/realms/motcrm").header("Authorization", "Bearer " + token)
                .noFilters();
    }
}
