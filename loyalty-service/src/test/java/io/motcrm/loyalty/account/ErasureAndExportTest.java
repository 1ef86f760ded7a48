package io.motcrm.loyalty.account;

import static io.motcrm.loyalty.Events.oldPurchase;
import static io.motcrm.loyalty.Events.post;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.authorize;
import static io.motcrm.loyalty.Fixtures.capture;
import static io.motcrm.loyalty.Fixtures.charity;
import static io.motcrm.loyalty.Fixtures.code;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.partner;
import static io.motcrm.loyalty.Fixtures.staffRead;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.platform.testing.TestCallers.asPartner;
import static io.motcrm.platform.testing.TestCallers.asService;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.loyalty.LogCapture;
import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * The proof of issue 14 for loyalty-service: the export holds every personal value seeded through the APIs,
 * and after an erasure no text column of any table holds one; the ledger still balances, erasing again
 * changes nothing, and no log line on the way carried a personal value.
 */
@QuarkusTest
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class ErasureAndExportTest {

    @Inject
    EntityManager entityManager;

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    /** The unique values a customer's activity left, and the other ids of it. */
    record Seeded(UUID customer, String memberCode, String reason, String spendReference, String spendDescription,
            String mySpendReference, String mySpendDescription, String usedCode, String heldCode, String unusedCode,
            String purpose, String receiptNumber, String charityName, String partnerReference) {

        /** What must be gone after the erasure (a partner's own references and the charity are the partner's). */
        List<String> personal() {
            return List.of(memberCode, reason, spendReference, spendDescription, mySpendReference, mySpendDescription,
                    usedCode, heldCode, unusedCode, purpose);
        }
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** A customer's activity through every loyalty API that takes personal data. */
    private static Seeded seed() {
        UUID customer = UUID.randomUUID();
        String memberCode = unique("MBR");
        post("customer-registered", key(), """
                {"customerId": "%s", "memberCode": "%s", "registeredAt": "%s"}
                """.formatted(customer, memberCode, Instant.now())).statusCode(200);
        oldPurchase(customer, 100_000);
        post("consent-changed", key(), """
                {"customerId": "%s", "purpose": "partner_sharing", "granted": true, "changedAt": "%s"}
                """.formatted(customer, Instant.now())).statusCode(200);

        String reason = "Cold coffee and a rude reply " + unique("R");
        asService("feedback-service", () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                .body("""
                        {"actionId": "%s", "customerId": "%s", "caseId": "%s", "points": 250, "reason": "%s"}
                        """.formatted(UUID.randomUUID(), customer, UUID.randomUUID(), reason))
                .post("/internal/v1/compensations").then().statusCode(200));

        String spendReference = unique("till-");
        String spendDescription = "Staff note about Jane " + unique("D");
        asStaff("agent-al", Roles.AGENT, () -> given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                .body("""
                        {"points": 100, "reference": "%s", "description": "%s"}""".formatted(spendReference, spendDescription))
                .post("/api/v1/loyalty/customers/" + customer + "/spends").then().statusCode(201));
        String mySpendReference = unique("app-");
        String mySpendDescription = "My own note " + unique("N");
        String charity = charity();
        AtomicReference<String> receipt = new AtomicReference<>();
        asCustomer(customer, () -> {
            given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                    .body("""
                            {"points": 50, "reference": "%s", "description": "%s"}""".formatted(mySpendReference, mySpendDescription))
                    .post("/api/v1/me/loyalty/spends").then().statusCode(201);
            receipt.set(given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                    .body("{\"charityId\": \"%s\", \"points\": 120}".formatted(charity))
                    .post("/api/v1/me/loyalty/donations").then().statusCode(201).extract().path("receiptNumber"));
        });

        String partner = partner(1, 100);
        String usedCode = code(customer, null);
        String heldCode = code(customer, 300L);
        String unusedCode = code(customer, null);
        String till = unique("till-");
        asPartner(partner, () -> {
            String redemption = given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                    .body("{\"code\": \"%s\", \"points\": 200, \"reference\": \"%s\"}".formatted(usedCode, till))
                    .post("/partner/v1/redemptions").then().statusCode(201)
                    .body("memberCode", equalTo(memberCode)).extract().path("id");
            capture(redemption, key(), null).statusCode(200);
            authorize(key(), heldCode, 300).statusCode(201);
            given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                    .body("{\"memberCode\": \"%s\", \"amountMinor\": 5000, \"reference\": \"%s\"}".formatted(memberCode, unique("pe-")))
                    .post("/partner/v1/earns").then().statusCode(201);
        });

        // Referred by one customer, and referring another.
        UUID referrer = register();
        UUID referee = register();
        post("referral-completed", key(), """
                {"referrerId": "%s", "refereeId": "%s", "purchaseId": "%s", "occurredAt": "%s"}
                """.formatted(referrer, customer, UUID.randomUUID(), Instant.now())).statusCode(200);
        post("referral-completed", key(), """
                {"referrerId": "%s", "refereeId": "%s", "purchaseId": "%s", "occurredAt": "%s"}
                """.formatted(customer, referee, UUID.randomUUID(), Instant.now())).statusCode(200);

        String purpose = "Checking the complaint of the customer " + unique("P");
        asStaff("agent-al", Roles.AGENT, () -> given().header(StaffReads.PURPOSE_HEADER, purpose)
                .get("/api/v1/loyalty/customers/" + customer + "/balance").then().statusCode(200));
        return new Seeded(customer, memberCode, reason, spendReference, spendDescription, mySpendReference,
                mySpendDescription, usedCode, heldCode, unusedCode, purpose, receipt.get(), "Charity " + charity, till);
    }

    private static void erase(UUID customer, boolean duplicate) {
        post("customer-erased", key(), """
                {"customerId": "%s", "erasureId": "%s", "erasedAt": "%s"}
                """.formatted(customer, UUID.randomUUID(), Instant.now())).statusCode(200)
                .body("duplicate", equalTo(duplicate));
    }

    /** Every text column of every table in which {@code value} occurs, with how many rows hold it. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> occurrences(String value) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> columns = entityManager.createNativeQuery("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = 'public' and data_type in ('text', 'character varying', 'character')
                    order by table_name, column_name""").getResultList();
            Map<String, Long> found = new TreeMap<>();
            for (Object[] column : columns) {
                String table = (String) column[0];
                String name = (String) column[1];
                Number rows = (Number) entityManager.createNativeQuery(
                        "select count(*) from \"" + table + "\" where strpos(\"" + name + "\", :value) > 0")
                        .setParameter("value", value).getSingleResult();
                if (rows.longValue() > 0) {
                    found.put(table + "." + name, rows.longValue());
                }
            }
            return found;
        });
    }

    @Test
    void theExportHoldsEveryPersonalValue() {
        Seeded seeded = seed();
        AtomicReference<String> export = new AtomicReference<>();
        asCustomer(seeded.customer(), () -> export.set(given().get("/api/v1/me/loyalty/export").then().statusCode(200)
                .body("account.memberCode", equalTo(seeded.memberCode()))
                .body("partnerSharing.granted", equalTo(true))
                .body("redemptionCodes.size()", equalTo(3))
                .body("compensations[0].reason", equalTo(seeded.reason()))
                .body("donations[0].receiptNumber", equalTo(seeded.receiptNumber()))
                .body("referrals.size()", equalTo(2))
                .body("partnerReferences.size()", equalTo(1))
                .extract().asString()));
        List<String> expected = new ArrayList<>(seeded.personal());
        expected.remove(seeded.purpose()); // the access log is customer-service's
        expected.addAll(List.of(seeded.receiptNumber(), seeded.charityName(), seeded.partnerReference()));
        assertThat(export.get()).contains(expected);
        // Staff see the same export, once they say why.
        staffRead().get("/api/v1/loyalty/customers/" + seeded.customer() + "/export").then().statusCode(200)
                .body("compensations[0].reason", equalTo(seeded.reason()));
    }

    @Test
    void erasureLeavesNoPersonalValueInAnyTableAndTheLedgerBalances() {
        LogCapture logs = LogCapture.start();
        Seeded seeded;
        try (logs) {
            seeded = seed();
            erasedAndChecked(seeded);
        }
        assertThat(logs.lines()).as("log lines").isNotEmpty().allSatisfy(line -> assertThat(line)
                .doesNotContain(seeded.personal()).doesNotContain(seeded.receiptNumber()));
    }

    private void erasedAndChecked(Seeded seeded) {
        for (String value : seeded.personal()) {
            assertThat(occurrences(value)).as("seeded %s", value).isNotEmpty();
        }

        erase(seeded.customer(), false);

        for (String value : seeded.personal()) {
            assertThat(occurrences(value)).as("where %s is left", value).isEmpty();
        }
        // The customer id stays only as the erasure's key and inside ids: references of the ledger, the outbox's
        // ordering of the access records (their purpose is gone), the answer to the erasure itself.
        assertThat(occurrences(seeded.customer().toString()).keySet()).isSubsetOf(Set.of("account.owner_ref",
                "ledger_transaction.reference", "outbox_message.aggregate_id", "outbox_message.ordering_key",
                "outbox_message.payload", "idempotency_record.response_body"));
        asStaff("admin-ana", Roles.ADMIN, () -> given().get("/api/v1/loyalty/ledger/audit").then().statusCode(200)
                .body("ok", equalTo(true)));
        staffRead().get("/api/v1/loyalty/customers/" + seeded.customer() + "/balance").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("posted", equalTo(0)).body("held", equalTo(0));

        long transactions = QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count());
        erase(seeded.customer(), true);
        assertThat(QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count())).isEqualTo(transactions);
        for (String value : seeded.personal()) {
            assertThat(occurrences(value)).as("where %s is left", value).isEmpty();
        }
    }
}
