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
                    where type = 'CUSTOMER' and (posted < 0 or held < 0 or locked < 0 or locked > posted)
                    """)).as("customer accounts below zero").isEmpty();
            assertThat(rows(em, """
                    select id from account where type <> 'CUSTOMER' and (posted <> 0 or held <> 0 or locked <> 0)
                    """)).as("system accounts with a cached balance").isEmpty();
            assertThat(rows(em, """
                    select a.id from account a
                    left join (select account_id, sum(amount) as total from ledger_entry group by account_id) e
                      on e.account_id = a.id
                    where a.type = 'CUSTOMER' and a.posted <> coalesce(e.total, 0)
                    """)).as("customer accounts whose cached balance differs from their entries").isEmpty();
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
            assertThat(rows(em, """
                    select a.id from account a
                    left join (select account_id, sum(authorized_points) as held from redemption
                               where status = 'PENDING' group by account_id) r on r.account_id = a.id
                    where a.type = 'CUSTOMER' and a.held <> coalesce(r.held, 0)
                    """)).as("customer accounts whose held points differ from their pending holds").isEmpty();
            assertThat(rows(em, """
                    select p.id from partner p
                    left join (select account_id, sum(amount) as total from ledger_entry group by account_id) e
                      on e.account_id = p.account_id
                    left join (select partner_id,
                                      sum(case kind when 'CAPTURE' then points when 'REFUND' then -points else -points end) as net
                               from partner_movement group by partner_id) m on m.partner_id = p.id
                    where coalesce(e.total, 0) <> coalesce(m.net, 0)
                    """)).as("partners whose settlement account differs from captures - refunds - earns").isEmpty();
            long customers = number(em, "select coalesce(sum(posted), 0) from account where type = 'CUSTOMER'");
            long issued = -systemBalance(em, "ISSUANCE");
            long expired = systemBalance(em, "EXPIRY");
            long spent = systemBalance(em, "REDEMPTION");
            long held = systemBalance(em, "HOLDS");
            long forfeited = systemBalance(em, "FORFEIT");
            long adjusted = systemBalance(em, "ADJUSTMENT");
            long partnersNet = number(em, """
                    select coalesce(sum(e.amount), 0) from ledger_entry e join account a on a.id = e.account_id
                    where a.type = 'PARTNER_SETTLEMENT'""");
            long donated = number(em, """
                    select coalesce(sum(e.amount), 0) from ledger_entry e join account a on a.id = e.account_id
                    where a.type = 'CHARITY'""");
            assertThat(held).as("HOLDS balance = points of pending holds").isEqualTo(number(em,
                    "select coalesce(sum(authorized_points), 0) from redemption where status = 'PENDING'"));
            assertThat(customers).as("customer points = issued - expired - spent - held - partners - donated - forfeited")
                    .isEqualTo(issued - expired - spent - held - partnersNet - donated - forfeited - adjusted);
        });
    }

    /** A system account's balance: the sum of its entries (system accounts cache none). */
    public static long systemBalance(EntityManager em, String type) {
        return number(em, "select coalesce(sum(e.amount), 0) from ledger_entry e join account a on a.id = e.account_id"
                + " where a.type = '" + type + "' and a.owner_ref = 'system'");
    }

    private static long number(EntityManager em, String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> rows(EntityManager em, String sql) {
        return em.createNativeQuery(sql).getResultList();
    }
}
