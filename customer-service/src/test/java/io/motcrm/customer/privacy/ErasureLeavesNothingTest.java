package io.motcrm.customer.privacy;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.purchase;
import static io.motcrm.customer.Fixtures.unique;
import static io.motcrm.platform.testing.TestCallers.as;
import static io.motcrm.platform.testing.TestCallers.asService;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.Fixtures.Line;
import io.motcrm.customer.LogCapture;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The proof of issue 14 for customer-service: a customer seeded with unique values through every API here
 * that takes personal data, then erased; every text column of every table is scanned for the values.
 */
@QuarkusTest
@TestSecurity(user = "agent-scan", roles = "agent")
class ErasureLeavesNothingTest {

    /** Copies of answers and messages, not stores of their own: the export shows the originals. */
    static final Set<String> COPIES = Set.of("idempotency_record", "outbox_message");

    @Inject
    EntityManager entityManager;

    /** One customer's unique values, as seeded; {@code replaced} are those a profile change replaced. */
    record Seeded(UUID id, String username, Map<String, String> values, Set<String> replaced) {

        void asCustomer(Runnable calls) {
            as(username, Set.of(Roles.CUSTOMER), Map.of("customer_id", id.toString()), calls);
        }
    }

    static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(body).post(path).then();
    }

    static ValidatableResponse consent(String path, String purpose) {
        return post(path, "{\"purpose\": \"%s\", \"granted\": true, \"channel\": \"APP\", \"policyVersion\": \"2026-01\"}"
                .formatted(purpose)).statusCode(201);
    }

    /** Sign-up, profile change, consents (own and by staff), a purchase, a referral, staff reads with purposes. */
    Seeded seed() {
        String u = unique();
        UUID id = UUID.randomUUID();
        String username = "login." + u + "@mail.example";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name at sign-up", "Signup Name " + u);
        values.put("email at sign-up", "first." + u + "@example.com");
        values.put("phone", "+8219" + String.format("%08d", Math.floorMod(u.hashCode(), 100_000_000)));
        values.put("name", "Changed Name " + u);
        values.put("email", "second." + u + "@example.com");
        values.put("user name", username);
        values.put("profile purpose", "profile purpose " + u);
        values.put("purchases purpose", "purchases purpose " + u);
        values.put("insight purpose", "insight purpose " + u);
        values.put("remote purpose", "remote purpose " + u);
        Seeded seeded = new Seeded(id, username, values, Set.of("name at sign-up", "email at sign-up"));

        UUID referrer = newCustomer();
        String referrerCode = given().header(CallerAccess.PURPOSE_HEADER, "referral").get("/api/v1/customers/" + referrer)
                .then().statusCode(200).extract().path("referralCode");
        seeded.asCustomer(() -> {
            post("/api/v1/customers", """
                    {"name": "%s", "email": "%s", "phone": "%s", "birthDate": "1990-01-02", "locale": "ko-KR",
                     "preferredChannel": "EMAIL", "referralCode": "%s"}
                    """.formatted(values.get("name at sign-up"), values.get("email at sign-up"), values.get("phone"),
                    referrerCode)).statusCode(201);
            given().contentType(ContentType.JSON).body("{\"name\": \"%s\", \"email\": \"%s\"}"
                    .formatted(values.get("name"), values.get("email"))).patch("/api/v1/me/profile").then().statusCode(200);
            consent("/api/v1/me/consents", "partner_sharing");
            consent("/api/v1/me/consents", "marketing_email");
            var profile = given().get("/api/v1/me/profile").then().statusCode(200).extract();
            values.put("member code", profile.path("memberCode"));
            values.put("referral code", profile.path("referralCode"));
        });
        consent("/api/v1/customers/" + id + "/consents", "personalization");
        purchase(id, Instant.now(), new Line("SKU-1", "books", 1, 1200));
        String customer = "/api/v1/customers/" + id;
        given().header(CallerAccess.PURPOSE_HEADER, values.get("profile purpose")).get(customer).then().statusCode(200);
        given().header(CallerAccess.PURPOSE_HEADER, values.get("purchases purpose")).get(customer + "/purchases").then()
                .statusCode(200);
        given().header(CallerAccess.PURPOSE_HEADER, values.get("insight purpose")).get(customer + "/insight").then()
                .statusCode(200);
        asService("loyalty-service", () -> post("/internal/v1/access-log", """
                {"customerId": "%s", "accessedBy": "agent.kim", "role": "agent", "section": "points", "purpose": "%s",
                 "accessedAt": "%s"}""".formatted(id, values.get("remote purpose"), Instant.now())).statusCode(204));
        return seeded;
    }

    /** For each value, the tables holding it in any text column (information_schema: every table, every column). */
    Map<String, Set<String>> scan(Map<String, String> values) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> columns = entityManager.createNativeQuery("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = current_schema() and table_name <> 'flyway_schema_history'
                      and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')""").getResultList();
            assertThat(columns).hasSizeGreaterThan(40);
            Map<String, Set<String>> found = new LinkedHashMap<>();
            values.forEach((what, value) -> {
                Set<String> tables = new TreeSet<>();
                for (Object[] column : columns) {
                    Number hits = (Number) entityManager.createNativeQuery("select count(*) from \"%s\" where strpos(\"%s\"::text, :v) > 0"
                            .formatted(column[0], column[1])).setParameter("v", value).getSingleResult();
                    if (hits.longValue() > 0) {
                        tables.add(column[0] + "." + column[1]);
                    }
                }
                found.put(what, tables);
            });
            return found;
        });
    }

    /** The rows about the customer, as text, to show that a second erasure changes nothing. */
    String state(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            for (String query : List.of(
                    "select row_to_json(t)::text from customer t where id = :id",
                    "select row_to_json(t)::text from consent_event t where customer_id = :id order by id",
                    "select row_to_json(t)::text from profile_access t where customer_id = :id order by id",
                    "select row_to_json(t)::text from purchase t where customer_id = :id order by id",
                    "select row_to_json(t)::text from referral t where referee_id = :id or referrer_id = :id",
                    "select row_to_json(t)::text from erasure t where customer_id = :id",
                    "select t.target || t.status from erasure_target t join erasure e on e.id = t.erasure_id where e.customer_id = :id",
                    "select t.id || t.payload from outbox_message t where strpos(t.payload, cast(:id as text)) > 0 order by id")) {
                for (Object row : entityManager.createNativeQuery(query).setParameter("id", id).getResultList()) {
                    rows.add(String.valueOf(row));
                }
            }
            rows.add(entityManager.createNativeQuery("select count(*) from retired_member_code").getSingleResult().toString());
            return String.join("\n", rows);
        });
    }

    @Test
    void theExportShowsEveryPersonalValueHeldAndErasureLeavesNoneOfThem() {
        try (LogCapture logs = LogCapture.open()) {
            Seeded seeded = seed();
            exportAndErase(seeded);
            // No log line of the whole story carries a personal value.
            assertThat(logs.size()).isPositive();
            seeded.values().forEach((what, value) -> assertThat(logs.mentioning(value)).as(what).isEmpty());
        }
    }

    void exportAndErase(Seeded seeded) {
        Map<String, Set<String>> before = scan(seeded.values());
        assertThat(before).allSatisfy((what, tables) -> assertThat(tables).as(what).isNotEmpty());

        // The export holds every value that a store of this service holds (copies of answers aside).
        String[] export = new String[1];
        seeded.asCustomer(() -> export[0] = given().get("/api/v1/customers/" + seeded.id() + "/export").then()
                .statusCode(200).extract().asString());
        before.forEach((what, tables) -> {
            if (tables.stream().anyMatch(t -> !COPIES.contains(t.substring(0, t.indexOf('.'))))) {
                assertThat(export[0]).as(what + " in " + tables).contains(seeded.values().get(what));
            }
        });
        // A value replaced by a profile change lives on only in the stored answer of the sign-up (24 hours).
        for (String replaced : seeded.replaced()) {
            assertThat(before.get(replaced)).as(replaced).containsOnly("idempotency_record.response_body");
        }
        // The customer's user name is never stored with their records: only as the scope of their own requests.
        assertThat(before.get("user name")).containsOnly("idempotency_record.scope");

        seeded.asCustomer(() -> post("/api/v1/me/erasure", "{}").statusCode(201));
        assertThat(scan(seeded.values())).allSatisfy((what, tables) -> assertThat(tables).as(what).isEmpty());

        String erased = state(seeded.id());
        seeded.asCustomer(() -> post("/api/v1/me/erasure", "{}").statusCode(200));
        assertThat(state(seeded.id())).isEqualTo(erased);
        assertThat(scan(seeded.values())).allSatisfy((what, tables) -> assertThat(tables).as(what).isEmpty());
    }

    @Test
    void erasureByStaffReachesTheCopiesToo() {
        Seeded seeded = seed();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .header(CallerAccess.PURPOSE_HEADER, "privacy-request")
                .post("/api/v1/customers/" + seeded.id() + "/erasure").then().statusCode(403);
        io.motcrm.platform.testing.TestCallers.asStaff("admin-scan", Roles.ADMIN, () -> post(
                "/api/v1/customers/" + seeded.id() + "/erasure", "{\"channel\": \"CALL_CENTRE\"}").statusCode(201));
        assertThat(scan(seeded.values())).allSatisfy((what, tables) -> assertThat(tables).as(what).isEmpty());
    }
}
