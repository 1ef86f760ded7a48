package io.motcrm.system;

import static io.motcrm.system.PersonalDataScan.keycloakAdmin;
import static io.motcrm.system.PersonalDataScan.scan;
import static io.motcrm.system.PersonalDataScan.total;
import static io.motcrm.system.Suite.as;
import static io.motcrm.system.Suite.asPartner;
import static io.motcrm.system.Suite.gateway;
import static io.motcrm.system.Suite.signUp;
import static io.motcrm.system.Suite.staff;
import static io.motcrm.system.Suite.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * The privacy proof (issue 14): one customer seeded with unique values through every API that takes
 * personal data, the export shown to hold them, then erased; afterwards a data-only dump of the three
 * databases, Keycloak's user search and every log file of the run hold none of them. Erasing again
 * changes nothing.
 */
class ErasureProofIT {

    private static final Duration OUTBOX = Duration.ofSeconds(60);

    @Test
    void erasureLeavesNoPersonalValueAnywhere() {
        String u = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String firstName = "Proofsignup " + u;
        String name = "Proofrenamed " + u;
        String email = "proof." + u + "@example.com";
        String phone = "+8219" + String.format("%08d", Math.floorMod(u.hashCode(), 100_000_000));
        String birthDate = "1931-07-19";
        String complaint = "Proof complaint " + u + " about the broken kettle";
        String note = "Proof note " + u + ": customer prefers calls after six";
        String reason = "Proof reason " + u + " for the long wait";
        String purpose = "Proof purpose " + u + " checking a phone order";
        String username = "proof." + u;

        // 1. Seed through every API that takes personal data.
        UUID referrer = signUp(null);
        String referrerCode = staff("agent.kim").get("/api/v1/customers/" + referrer + "/referrals")
                .then().statusCode(200).extract().path("referralCode");
        Map<String, Object> signUp = new LinkedHashMap<>(Map.of("name", firstName, "email", email, "phone", phone,
                "birthDate", birthDate, "referralCode", referrerCode));
        UUID customer = UUID.fromString(write(as("agent.kim"), signUp).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id"));
        String token = customerAccount(username, email, u, customer);

        write(staff("agent.kim"), Map.of("name", name)).patch("/api/v1/customers/" + customer)
                .then().statusCode(200);
        for (String consentPurpose : List.of("marketing_email", "partner_sharing")) {
            write(staff("agent.kim"), Map.of("purpose", consentPurpose, "granted", true, "channel", "CALL_CENTRE",
                    "policyVersion", "2026-01")).post("/api/v1/customers/" + customer + "/consents")
                    .then().statusCode(201);
        }
        write(staff("agent.kim"), Map.of("source", "web-shop", "externalOrderId", "proof-" + u,
                "occurredAt", java.time.Instant.now().minusSeconds(60).toString(), "channel", "WEB", "lines", List.of(Map.of("sku", "KETTLE-1", "category", "kitchen", "quantity", 1, "unitPriceMinor", 30_000))))
                .post("/api/v1/customers/" + customer + "/purchases").then().statusCode(201);
        String caseId = write(customer(token), Map.of("type", "COMPLAINT", "touchpointCode", "store-gangnam",
                "channel", "STORE", "nps", 1, "text", complaint))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("caseId");
        write(staff("agent.kim"), Map.of("text", note)).post("/api/v1/cases/" + caseId + "/notes")
                .then().statusCode(201);
        write(staff("agent.kim"), Map.of("kind", "COMPENSATION_POINTS", "points", 60, "note", reason))
                .post("/api/v1/cases/" + caseId + "/actions").then().statusCode(201);
        await().atMost(OUTBOX).until(() -> available(token) >= 60);
        write(customer(token), Map.of("charityId", "green-forest", "points", 5)).post("/api/v1/me/loyalty/donations")
                .then().statusCode(201);
        String code = write(customer(token), Map.of("maxPoints", 20)).post("/api/v1/me/loyalty/redemption-codes")
                .then().statusCode(201).extract().path("code");
        String redemption = write(asPartner("partner-cafe-mocha"), Map.of("code", code, "points", 10,
                "reference", "proof-" + u)).post("/partner/v1/redemptions").then().statusCode(201).extract().path("id");
        write(asPartner("partner-cafe-mocha"), Map.of()).post("/partner/v1/redemptions/" + redemption + "/void")
                .then().statusCode(200);
        as("agent.kim").header("X-Access-Purpose", purpose).get("/api/v1/customers/" + customer)
                .then().statusCode(200);
        as("agent.kim").header("X-Access-Purpose", purpose).get("/api/v1/customers/" + customer + "/360")
                .then().statusCode(200);
        Map<String, Object> profile = staff("supervisor.lee").get("/api/v1/customers/" + customer)
                .then().statusCode(200).extract().as(Map.class);
        String memberCode = (String) profile.get("memberCode");
        String referralCode = staff("agent.kim").get("/api/v1/customers/" + customer + "/referrals")
                .then().statusCode(200).extract().path("referralCode");

        // 2. The export holds every current value (the sign-up name was replaced, so only the scan looks for it).
        List<String> exported = List.of(name, email, phone, birthDate, complaint, note, reason, purpose, memberCode,
                referralCode, code);
        String export = as("admin.park").header("X-Access-Purpose", "privacy-request: proof " + u)
                .get("/api/v1/customers/" + customer + "/export").then().statusCode(200).extract().asString();
        for (String value : exported) {
            assertThat(PersonalDataScan.occurrences(export, value)).as("the export contains %s", value).isPositive();
        }
        List<String> values = new ArrayList<>(exported);
        values.remove(birthDate); // a date; it is looked for in the customer's own row below
        values.addAll(List.of(firstName, username));
        var before = scan(values, customer.toString());
        System.out.println("Erasure proof: hits before erasure " + total(before) + " " + before);
        assertThat(before.get(email)).as("the scan finds what is there").isNotEmpty();
        assertThat(before.get(complaint)).isNotEmpty();

        // 3. Erase; every service and Keycloak complete.
        String erasure = write(staff("admin.park"), Map.of()).post("/api/v1/customers/" + customer + "/erasure")
                .then().statusCode(201).extract().path("id");
        await().atMost(OUTBOX).pollInterval(Duration.ofSeconds(1)).until(() -> Boolean.TRUE.equals(
                erasureOf(customer).path("completed")));
        assertThat(erasureOf(customer).<List<String>>path("services.service"))
                .contains("customer-service", "loyalty-service", "feedback-service", "keycloak");

        // 4. Nothing is left: the databases, Keycloak's user search, the logs.
        var after = scan(values, customer.toString());
        System.out.println("Erasure proof: hits after erasure " + total(after) + " " + after);
        assertThat(after).allSatisfy((value, where) -> assertThat(where).as("%s after erasure", value).isEmpty());
        assertThat(PersonalDataScan.occurrences(PersonalDataScan.dump("customer_db"), customer + "\t" + birthDate))
                .isZero();
        // A token issued before the erasure stays valid until it expires, and finds nothing of the person.
        String profileNow = customer(token).get("/api/v1/me/profile").then().extract().asString();
        assertThat(values).noneSatisfy(value -> assertThat(profileNow).containsIgnoringCase(value));

        // 5. Erasing again answers the same erasure and changes nothing.
        write(staff("admin.park"), Map.of()).post("/api/v1/customers/" + customer + "/erasure")
                .then().statusCode(200).body("id", equalTo(erasure));
        assertThat(total(scan(values, customer.toString()))).isZero();
    }

    private static Response erasureOf(UUID customer) {
        return staff("admin.park").get("/api/v1/customers/" + customer + "/erasure").then().statusCode(200)
                .extract().response();
    }

    private static io.restassured.specification.RequestSpecification customer(String token) {
        return gateway().header("Authorization", "Bearer " + token);
    }

    /** The customer's available points; 0 while loyalty-service has not yet opened the account (outbox). */
    private static long available(String token) {
        var balance = customer(token).get("/api/v1/me/loyalty/balance");
        if (balance.statusCode() == 404) {
            return 0;
        }
        Number points = balance.then().statusCode(200).extract().path("available");
        return points == null ? 0 : points.longValue();
    }

    /**
     * A Keycloak account for the customer, as the sign-up flow leaves it: the person's name and email, and the
     * {@code customer_id} attribute an administrator sets. Answers the customer's access token.
     */
    private static String customerAccount(String username, String email, String u, UUID customer) {
        Map<String, Object> user = Map.of("username", username, "email", email, "emailVerified", true,
                "enabled", true, "firstName", "Proof", "lastName", "Account " + u,
                "attributes", Map.of("customer_id", List.of(customer.toString())),
                "credentials", List.of(Map.of("type", "password", "value", Suite.DEMO_PASSWORD, "temporary", false)));
        String location = keycloakAdmin().contentType("application/json").body(user).post("/users")
                .then().statusCode(201).extract().header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> role = keycloakAdmin().get("/roles/customer").then().statusCode(200).extract().as(Map.class);
        keycloakAdmin().contentType("application/json").body(List.of(role))
                .post("/users/" + userId + "/role-mappings/realm").then().statusCode(204);
        return Suite.userToken(username);
    }
}
