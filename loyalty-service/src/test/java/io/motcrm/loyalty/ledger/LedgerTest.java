package io.motcrm.loyalty.ledger;

import static io.motcrm.loyalty.Events.oldPurchase;
import static io.motcrm.loyalty.Events.post;
import static io.motcrm.loyalty.Events.purchase;
import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.staffRead;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.testing.MutableClock;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "customer-service", roles = { "service", "agent" })
class LedgerTest {

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void checkLedger() {
        clock.reset();
        LedgerInvariants.check();
    }

    @Test
    void spendingConsumesUnlockedLotsSoonestExpiringFirst() {
        UUID customer = register(); // welcome 500, expires first
        clock.advance(Duration.ofDays(10));
        oldPurchase(customer, 10_000); // 100 base, then 1 000 bonus: unlocked, expire 10 days later
        post("purchase-recorded", UUID.randomUUID().toString(),
                purchase(customer, UUID.randomUUID(), clock.instant(), 50_000, "general")).statusCode(200); // 500, locked
        long account = QuarkusTransaction.requiringNew().call(() -> Account.findCustomer(customer).orElseThrow().id);

        long spend = given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("{\"points\": 700, \"reference\": \"till-%s\"}".formatted(UUID.randomUUID()))
                .post("/api/v1/loyalty/customers/" + customer + "/spends")
                .then().statusCode(201).extract().jsonPath().getLong("transactionId");

        List<Object[]> consumed = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("""
                select l.points, c.points from LotConsumption c, Lot l
                where l.id = c.lotId and c.transactionId = :spend order by c.id
                """, Object[].class).setParameter("spend", spend).getResultList());
        assertThat(consumed).extracting(row -> row[0] + ":" + row[1]).containsExactly("500:500", "100:100", "1000:100");
        List<Long> remaining = QuarkusTransaction.requiringNew().call(() -> Lot.<Lot>list("accountId = ?1 order by id", account)
                .stream().map(lot -> lot.remaining).toList());
        assertThat(remaining).containsExactly(0L, 0L, 900L, 500L);
        staffRead().get("/api/v1/loyalty/customers/" + customer + "/balance").then()
                .body("posted", equalTo(1_400)).body("locked", equalTo(500)).body("available", equalTo(900));
    }

    @Test
    void entriesCannotBeChangedOrDeleted() {
        UUID customer = register();
        long account = QuarkusTransaction.requiringNew().call(() -> Account.findCustomer(customer).orElseThrow().id);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update ledger_entry set amount = 1000000 where account_id = :a")
                .setParameter("a", account).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from ledger_entry where account_id = :a")
                .setParameter("a", account).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update ledger_transaction set reference = 'forged' where reference = :r")
                .setParameter("r", "welcome:" + customer).executeUpdate()))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void aTransactionChangesOnlyByAnErasuresRedactionOfItsTexts() {
        UUID customer = register();
        long id = QuarkusTransaction.requiringNew().call(() -> LedgerTransaction
                .findByReference(TransactionKind.EARN, "welcome:" + customer).orElseThrow().id);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update ledger_transaction set description = 'forged' where id = :id")
                .setParameter("id", id).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update ledger_transaction set reference = 'erased:' || id, kind = 'SPEND' where id = :id")
                .setParameter("id", id).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from ledger_transaction where id = :id")
                .setParameter("id", id).executeUpdate()))
                .hasStackTraceContaining("append-only");
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update ledger_transaction set reference = 'erased:' || id, description = 'Erased' where id = :id")
                .setParameter("id", id).executeUpdate());
        assertThat(QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.<LedgerTransaction>findById(id).reference))
                .isEqualTo("erased:" + id);
    }

    @Test
    void theDatabaseRefusesATransactionThatDoesNotBalance() {
        long issuance = QuarkusTransaction.requiringNew().call(() -> Account.systemId(AccountType.ISSUANCE));
        String reference = "unbalanced:" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            LedgerTransaction transaction = new LedgerTransaction();
            transaction.kind = TransactionKind.ADJUSTMENT;
            transaction.reference = reference;
            transaction.createdAt = Instant.now();
            transaction.persist();
            LedgerEntry entry = new LedgerEntry();
            entry.transactionId = transaction.id;
            entry.accountId = issuance;
            entry.amount = 10;
            entry.createdAt = Instant.now();
            entry.persist();
        })).hasStackTraceContaining("does not balance");
        assertThat(QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.count("reference", reference))).isZero();
    }

    @Test
    void theCodeRefusesPostingsThatDoNotBalance() {
        assertThatThrownBy(() -> Ledger.checkBalanced(List.of(new Ledger.Posting(1, 10), new Ledger.Posting(2, -9))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ledger.checkBalanced(List.of(new Ledger.Posting(1, 0), new Ledger.Posting(2, 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ledger.checkBalanced(List.of(new Ledger.Posting(1, 10))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDatabaseRefusesANegativeCustomerBalance() {
        UUID customer = register();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update account set posted = -1 where owner_ref = :c")
                .setParameter("c", customer.toString()).executeUpdate()))
                .hasStackTraceContaining("account_balances");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update account set locked = posted + 1 where owner_ref = :c")
                .setParameter("c", customer.toString()).executeUpdate()))
                .hasStackTraceContaining("account_balances");
    }
}
