package io.motcrm.loyalty.audit;

import static io.motcrm.loyalty.Events.oldPurchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.motcrm.platform.testing.TestCallers.asPartner;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.motcrm.platform.problem.Problem;
import io.motcrm.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class LedgerAuditTest {

    private static final String AUDIT = "/api/v1/loyalty/ledger/audit";

    @Inject
    EntityManager em;

    private static JsonPath auditAsAdmin() {
        JsonPath[] audit = new JsonPath[1];
        asStaff("admin-x", Roles.ADMIN, () -> audit[0] = given().get(AUDIT).then().statusCode(200)
                .extract().jsonPath());
        return audit[0];
    }

    private static Map<String, Object> finding(JsonPath audit, String name) {
        return audit.<Map<String, Object>>getList("invariants").stream()
                .filter(invariant -> name.equals(invariant.get("name"))).findFirst().orElseThrow();
    }

    private long accountOf(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from account where type = 'CUSTOMER' and owner_ref = :owner")
                .setParameter("owner", customer.toString()).getSingleResult()).longValue());
    }

    @Test
    void aHealthyLedgerPassesEveryCheck() {
        oldPurchase(register(), 20_000);

        JsonPath audit = auditAsAdmin();

        assertThat(audit.getBoolean("ok")).isTrue();
        assertThat(audit.getLong("transactions")).isPositive();
        assertThat(audit.getLong("entries")).isGreaterThanOrEqualTo(2 * audit.getLong("transactions"));
        assertThat(audit.getString("checkedAt")).isNotBlank();
        List<Map<String, Object>> invariants = audit.getList("invariants");
        assertThat(invariants).hasSize(LedgerAudit.INVARIANTS.size())
                .allSatisfy(invariant -> {
                    assertThat(invariant.get("violations")).isEqualTo(0);
                    assertThat((String) invariant.get("description")).isNotBlank();
                    assertThat((List<?>) invariant.get("examples")).isEmpty();
                });
    }

    @Test
    void aCachedBalanceThatDriftsFromItsEntriesIsReportedWithTheAccount() {
        UUID customer = register();
        oldPurchase(customer, 30_000);
        long account = accountOf(customer);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update account set posted = posted + 7 where id = :id").setParameter("id", account).executeUpdate());
        try {
            JsonPath audit = auditAsAdmin();

            assertThat(audit.getBoolean("ok")).isFalse();
            for (String name : List.of("customer-balance-matches-entries", "customer-balance-matches-lots",
                    "points-conserved")) {
                Map<String, Object> finding = finding(audit, name);
                assertThat(finding.get("violations")).as(name).isEqualTo(1);
                assertThat((List<?>) finding.get("examples")).as(name).hasSize(1);
            }
            assertThat(finding(audit, "customer-balance-matches-entries").get("examples"))
                    .isEqualTo(List.of(String.valueOf(account)));
            assertThat(finding(audit, "transactions-balance").get("violations")).isEqualTo(0);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update account set posted = posted - 7 where id = :id").setParameter("id", account)
                    .executeUpdate());
        }
        assertThat(auditAsAdmin().getBoolean("ok")).isTrue();
    }

    @Test
    void onlyAdministratorsMayAudit() {
        asCustomer(UUID.randomUUID(), () -> given().get(AUDIT).then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("forbidden")));
        asPartner("partner-audit", () -> given().get(AUDIT).then().statusCode(403));
        for (String role : List.of(Roles.AGENT, Roles.SUPERVISOR)) {
            asStaff("staff-x", role, () -> given().get(AUDIT).then().statusCode(403));
        }
        given().get(AUDIT).then().statusCode(403); // the suite's own services have no business here either
    }

    @Test
    @TestSecurity(authorizationEnabled = true)
    void anonymousCallersAreUnauthorized() {
        given().get(AUDIT).then().statusCode(401).contentType(Problem.MEDIA_TYPE).body("code", equalTo("unauthorized"));
    }
}
