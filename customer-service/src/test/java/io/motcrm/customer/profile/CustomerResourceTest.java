package io.motcrm.customer.profile;

import static io.motcrm.customer.Callers.PURPOSE;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Callers.signUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.outbox.OutboxMessage;
import io.motcrm.platform.outbox.OutboxStatus;
import io.motcrm.platform.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
// A supervisor sees contacts in full; what agents see is in privacy.MaskingAndAccessLogTest.
@TestSecurity(user = "supervisor-kim", roles = "supervisor")
class CustomerResourceTest {

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String phoneFor(String unique) {
        return "+8210" + String.format("%08d", Math.floorMod(unique.hashCode(), 100_000_000));
    }

    static ValidatableResponse read(UUID id) {
        return given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).get("/api/v1/customers/" + id).then();
    }

    static ValidatableResponse patch(UUID id, String body) {
        return given().contentType(ContentType.JSON).header(CallerAccess.PURPOSE_HEADER, PURPOSE).body(body)
                .patch("/api/v1/customers/" + id).then();
    }

    @Test
    void signUpNormalisesAndReturnsTheProfileWithLocation() {
        String u = unique();
        var created = signUp("""
                {"name": "  Park   Ji-hoon ", "email": "  JiHoon.%s@Example.COM ", "phone": "+82 10-%s-%s",
                 "birthDate": "1990-04-01", "locale": "ko-kr", "preferredChannel": "SMS"}
                """.formatted(u, phoneFor(u).substring(5, 9), phoneFor(u).substring(9)))
                .statusCode(201)
                .body("name", equalTo("Park Ji-hoon"))
                .body("email", equalTo("jihoon." + u + "@example.com"))
                .body("phone", equalTo(phoneFor(u)))
                .body("birthDate", equalTo("1990-04-01"))
                .body("locale", equalTo("ko-KR"))
                .body("preferredChannel", equalTo("SMS"))
                .body("status", equalTo("ACTIVE"))
                .body("memberCode", matchesPattern("[0-9A-HJKMNP-TV-Z]{10}"))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/customers/" + id);
        assertThat(MemberCodes.isValid(created.path("memberCode"))).isTrue();

        read(UUID.fromString(id)).statusCode(200)
                .body("email", equalTo("jihoon." + u + "@example.com"))
                .body("memberCode", equalTo(created.path("memberCode")))
                .body("createdAt", equalTo(created.path("createdAt")));
    }

    @Test
    void retryReplaysTheFirstSignUp() {
        String u = unique();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Lee\", \"email\": \"lee.%s@example.com\"}".formatted(u);
        var first = signUp(key, body).statusCode(201).extract();
        var retry = signUp(key, body).statusCode(201).header(Idempotency.REPLAYED_HEADER, "true").extract();
        assertThat(retry.asString()).isEqualTo(first.asString());
        signUp(key, body.replace("Lee", "Choi")).statusCode(422).body("code", equalTo("idempotency-key-reused"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/customers").then()
                .statusCode(400).body("code", equalTo("idempotency-key-missing"));
    }

    @Test
    void signUpWritesTheCustomerRegisteredEventToTheOutbox() throws Exception {
        var created = signUp("{\"name\": \"Outbox\", \"email\": \"outbox.%s@example.com\"}".formatted(unique()))
                .statusCode(201).extract();
        String id = created.path("id");
        List<OutboxMessage> messages = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage> list("aggregateId", id));
        assertThat(messages).hasSize(1);
        OutboxMessage message = messages.get(0);
        assertThat(message.target).isEqualTo("loyalty-api");
        assertThat(message.path).isEqualTo("/internal/v1/events/customer-registered");
        assertThat(message.aggregateType).isEqualTo("customer");
        assertThat(message.status).isEqualTo(OutboxStatus.PENDING);
        JsonNode payload = new ObjectMapper().readTree(message.payload);
        assertThat(payload.size()).isEqualTo(3);
        assertThat(payload.get("customerId").asText()).isEqualTo(id);
        assertThat(payload.get("memberCode").asText()).isEqualTo(created.<String> path("memberCode"));
        assertThat(payload.get("registeredAt").asText()).isEqualTo(created.<String> path("createdAt"));
    }

    @Test
    void aRejectedSignUpLeavesNoCustomerAndNoOutboxMessage() throws Exception {
        String u = unique();
        signUp("{\"name\": \"First\", \"email\": \"dup.%s@example.com\"}".formatted(u)).statusCode(201);
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count() + Customer.count());
        signUp("{\"name\": \"Second\", \"email\": \"DUP.%s@example.com \"}".formatted(u)).statusCode(409)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("email-taken"));
        long after = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count() + Customer.count());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void duplicateEmailOrPhoneIsAConflict() {
        String u = unique();
        String phone = phoneFor(u);
        signUp("{\"name\": \"A\", \"email\": \"a.%s@example.com\", \"phone\": \"%s\"}".formatted(u, phone))
                .statusCode(201);
        signUp("{\"name\": \"B\", \"email\": \" A.%s@EXAMPLE.com\"}".formatted(u)).statusCode(409)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("email-taken"));
        signUp("{\"name\": \"B\", \"phone\": \"00%s\"}".formatted(phone.substring(1))).statusCode(409)
                .body("code", equalTo("phone-taken"));
        UUID other = newCustomer();
        patch(other, "{\"email\": \"a.%s@example.com\"}".formatted(u)).statusCode(409).body("code", equalTo("email-taken"));
        patch(other, "{\"phone\": \"%s\"}".formatted(phone)).statusCode(409).body("code", equalTo("phone-taken"));
    }

    @Test
    void concurrentSignUpsWithTheSameEmailCreateExactlyOne() throws Exception {
        String body = "{\"name\": \"Racer\", \"email\": \"race.%s@example.com\"}".formatted(unique());
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Integer> call = () -> {
                    start.await();
                    return signUp(UUID.randomUUID().toString(), body).extract().statusCode();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        String email = new ObjectMapper().readTree(body).get("email").asText();
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam("email", email).get("/api/v1/customers")
                .then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void anErasedCustomerFreesTheirEmailAndCannotBeChanged() {
        String u = unique();
        String body = "{\"name\": \"Gone\", \"email\": \"gone.%s@example.com\"}".formatted(u);
        UUID erased = UUID.fromString(signUp(body).statusCode(201).extract().path("id"));
        // Erasure itself is a later slice; it leaves the row with status ERASED.
        QuarkusTransaction.requiringNew().run(() -> Customer.update("status = ?1 where id = ?2",
                CustomerStatus.ERASED, erased));
        patch(erased, "{\"name\": \"Back\"}").statusCode(409).body("code", equalTo("customer-erased"));
        signUp(body).statusCode(201);
    }

    @Test
    void patchChangesOnlyTheFieldsGiven() {
        UUID id = newCustomer();
        String before = read(id).extract().path("email");
        String u = unique();
        given().contentType("application/merge-patch+json").header(CallerAccess.PURPOSE_HEADER, PURPOSE)
                .body("{\"name\": \"Renamed\", \"phone\": \"%s\", \"preferredChannel\": \"EMAIL\"}".formatted(phoneFor(u + "x")))
                .patch("/api/v1/customers/" + id).then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("phone", equalTo(phoneFor(u + "x")))
                .body("preferredChannel", equalTo("EMAIL"))
                .body("email", equalTo(before));
        read(id).statusCode(200).body("name", equalTo("Renamed")).body("email", equalTo(before));
        patch(id, "{\"email\": \"not-an-email\"}").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("invalid-email"));
        patch(id, "{\"name\": \"   \"}").statusCode(400).body("code", equalTo("validation-failed"))
                .body("violations[0].field", equalTo("name"));
        patch(id, "{\"memberCode\": \"0000000000\"}").statusCode(400).body("code", equalTo("unknown-field"));
        patch(UUID.randomUUID(), "{\"name\": \"Ghost\"}").statusCode(404).body("code", equalTo("customer-not-found"));
    }

    @Test
    void badInputIsA400ProblemWithAStableCode() {
        signUp("{\"name\": \"No contact\"}").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("contact-required"));
        signUp("{\"email\": \"x.%s@example.com\"}".formatted(unique())).statusCode(400)
                .body("code", equalTo("validation-failed")).body("violations[0].field", equalTo("name"));
        signUp("{\"name\": \"X\", \"email\": \"x@\"}").statusCode(400).body("code", equalTo("invalid-email"));
        signUp("{\"name\": \"X\", \"phone\": \"010-1234-5678\"}").statusCode(400).body("code", equalTo("invalid-phone"));
        signUp("{\"name\": \"X\", \"phone\": \"+821099999999\", \"locale\": \"ko_KR\"}").statusCode(400)
                .body("code", equalTo("invalid-locale"));
        signUp("{\"name\": \"X\", \"email\": \"y.%s@example.com\", \"preferredChannel\": \"PIGEON\"}".formatted(unique()))
                .statusCode(400).body("code", equalTo("invalid-field"))
                .body("violations[0].field", equalTo("preferredChannel"));
        signUp("{\"name\": \"X\", \"email\": \"z.%s@example.com\", \"birthDate\": \"2999-01-01\"}".formatted(unique()))
                .statusCode(400).body("code", equalTo("validation-failed"))
                .body("violations[0].field", equalTo("birthDate"));
        read(UUID.randomUUID()).statusCode(404).body("code", equalTo("customer-not-found"));
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).get("/api/v1/customers/not-a-uuid").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void contactDetailErrorsNameTheFieldInViolations() {
        fieldProblem(signUp("{\"name\": \"X\", \"email\": \"x@\"}"), "invalid-email", "email");
        fieldProblem(signUp("{\"name\": \"X\", \"phone\": \"010-1234-5678\"}"), "invalid-phone", "phone");
        fieldProblem(signUp("{\"name\": \"X\", \"phone\": \"+821099999999\", \"locale\": \"ko_KR\"}"),
                "invalid-locale", "locale");
        fieldProblem(patch(newCustomer(), "{\"phone\": \"12345\"}"), "invalid-phone", "phone");
        fieldProblem(given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam("email", "nope")
                .get("/api/v1/customers").then(), "invalid-email", "email");
    }

    /** A field's problem as every client reads it: the field in {@code violations}, no member of its own. */
    static void fieldProblem(ValidatableResponse answer, String code, String field) {
        answer.statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo(code))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", notNullValue())
                .body("$", not(hasKey("field")));
    }

    @Test
    void staffMustStateAPurpose() {
        UUID id = newCustomer();
        given().get("/api/v1/customers/" + id).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("access-purpose-required"));
        given().header(CallerAccess.PURPOSE_HEADER, " ").get("/api/v1/customers/" + id).then().statusCode(400)
                .body("code", equalTo("access-purpose-required"));
        given().contentType(ContentType.JSON).body("{\"name\": \"N\"}").patch("/api/v1/customers/" + id).then()
                .statusCode(400).body("code", equalTo("access-purpose-required"));
        given().queryParam("namePrefix", "kim").get("/api/v1/customers").then().statusCode(400)
                .body("code", equalTo("access-purpose-required"));
    }

    @Test
    void aCustomerReachesOnlyTheirOwnProfile() {
        UUID self = newCustomer();
        UUID other = newCustomer();
        asCustomer(self, () -> {
            given().get("/api/v1/customers/" + self).then().statusCode(200).body("id", equalTo(self.toString()));
            given().contentType(ContentType.JSON).body("{\"locale\": \"en-GB\"}").patch("/api/v1/customers/" + self)
                    .then().statusCode(200).body("locale", equalTo("en-GB"));
            given().get("/api/v1/customers/" + other).then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("customer-not-found"));
            given().contentType(ContentType.JSON).body("{\"name\": \"Hijack\"}").patch("/api/v1/customers/" + other)
                    .then().statusCode(404).body("code", equalTo("customer-not-found"));
            given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam("namePrefix", "kim")
                    .get("/api/v1/customers").then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("forbidden"));
        });
        read(other).statusCode(200).body("name", matchesPattern("Kim Min-ji .*"));
    }

    @Test
    void aCustomerSignsUpUnderTheirOwnId() {
        UUID self = UUID.randomUUID();
        String body = "{\"name\": \"Self\", \"email\": \"self.%s@example.com\"}".formatted(unique());
        asCustomer(self, () -> {
            signUp(body).statusCode(201).body("id", equalTo(self.toString()));
            signUp(body.replace("self.", "again.")).statusCode(409).body("code", equalTo("customer-exists"));
        });
    }

    @Test
    @TestSecurity
    void anonymousCallersAreRejected() {
        signUp("{\"name\": \"Anon\", \"email\": \"anon@example.com\"}").statusCode(401)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("unauthorized"));
        given().get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(401);
        given().get("/api/v1/customers/" + UUID.randomUUID() + "/consents").then().statusCode(401);
    }

    @Test
    void searchFindsByEachIndexedFilter() {
        String u = unique();
        String prefix = "zz" + u;
        var a = signUp("{\"name\": \"%s Alpha\", \"email\": \"alpha.%s@example.com\", \"phone\": \"%s\"}"
                .formatted(prefix, u, phoneFor(u))).statusCode(201).extract();
        signUp("{\"name\": \"%s beta\", \"email\": \"beta.%s@example.com\"}".formatted(prefix.toUpperCase(), u))
                .statusCode(201);
        signUp("{\"name\": \"%s_other\", \"email\": \"gamma.%s@example.com\"}".formatted("zz" + u.substring(0, 4), u))
                .statusCode(201);

        search("namePrefix", prefix).body("totalItems", equalTo(2))
                .body("items.name", equalTo(List.of(prefix + " Alpha", prefix.toUpperCase() + " beta")));
        search("namePrefix", prefix.substring(0, 2) + "%" + u).body("totalItems", equalTo(0));
        search("email", " ALPHA." + u + "@example.com").body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(a.path("id")));
        search("phone", "00" + phoneFor(u).substring(1)).body("totalItems", equalTo(1));
        String code = a.path("memberCode");
        search("memberCode", code.substring(0, 5).toLowerCase() + "-" + code.substring(5)).body("totalItems", equalTo(1))
                .body("items[0].email", equalTo("alpha." + u + "@example.com"));
        search("memberCode", "0000000001").body("totalItems", equalTo(0));

        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam("namePrefix", prefix)
                .queryParam("size", 1).queryParam("page", 1).get("/api/v1/customers").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items", hasSize(1))
                .body("items[0].name", equalTo(prefix.toUpperCase() + " beta"));
    }

    @Test
    void searchNeedsAFilterAndABoundedPage() {
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).get("/api/v1/customers").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("search-filter-required"));
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam("namePrefix", "a").queryParam("size", 101)
                .get("/api/v1/customers").then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("violations[0].field", equalTo("size"));
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam("email", "nope").get("/api/v1/customers")
                .then().statusCode(400).body("code", equalTo("invalid-email"));
    }

    static ValidatableResponse search(String filter, String value) {
        return given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).queryParam(filter, value)
                .get("/api/v1/customers").then().statusCode(200);
    }
}
