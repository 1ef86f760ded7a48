package io.motcrm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Checks, straight in the database, what must hold for the whole ledger at any moment. */
public final class LedgerInvariants {

    private LedgerInvariants() {
    }

    public static void check() {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            assertThat(rows(em, """
                    select transaction_id from ledger_entry group by transaction_id
                    having sum(amount) <> 0 or count(*) < 2
                    """)).as("transactions that do not balance").isEmpty();
            assertThat(rows(em, """
                    select t.id from ledger_transaction t
                    where not exists (select 1 from ledger_entry e where e.transaction_id = t.id)
                    """)).as("transactions without entries").isEmpty();
            assertThat(rows(em, """
                    select id from account
                    where type = 'CUSTOMER' and (posted < 0 or held < 0 or locked < 0 or held + locked > posted)
                    """)).as("customer accounts below zero").isEmpty();
            assertThat(rows(em, """
                    select a.id from account a
                    left join (select account_id, sum(amount) as total from ledger_entry group by account_id) e
                      on e.account_id = a.id
                    where a.posted <> coalesce(e.total, 0)
                    """)).as("accounts whose cached balance differs from their entries").isEmpty();
            assertThat(rows(em, """
                    select a.id from account a
                    left join (select account_id, sum(remaining) as remaining,
                                      sum(case when locked then remaining else 0 end) as locked
                               from lot group by account_id) l on l.account_id = a.id
                    where a.type = 'CUSTOMER'
                      and (a.posted <> coalesce(l.remaining, 0) or a.locked <> coalesce(l.locked, 0))
                    """)).as("customer accounts whose lots do not add up to their balances").isEmpty();
            assertThat(rows(em, """
                    select l.id from lot l
                    left join (select lot_id, sum(points) as consumed from lot_consumption group by lot_id) c
                      on c.lot_id = l.id
                    where l.points - coalesce(c.consumed, 0) <> l.remaining
                    """)).as("lots whose consumptions do not explain what remains").isEmpty();
            Number customers = (Number) em.createNativeQuery(
                    "select coalesce(sum(posted), 0) from account where type = 'CUSTOMER'").getSingleResult();
            Number issued = systemBalance(em, "ISSUANCE");
            Number expired = systemBalance(em, "EXPIRY");
            Number spent = systemBalance(em, "REDEMPTION");
            assertThat(customers.longValue()).as("customer points = issued - expired - spent")
                    .isEqualTo(-issued.longValue() - expired.longValue() - spent.longValue());
        });
    }

    private static Number systemBalance(EntityManager em, String type) {
        return (Number) em.createNativeQuery("select posted from account where type = :type and owner_ref = 'system'")
                .setParameter("type", type).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> rows(EntityManager em, String sql) {
        return em.createNativeQuery(sql).getResultList();
    }
}
