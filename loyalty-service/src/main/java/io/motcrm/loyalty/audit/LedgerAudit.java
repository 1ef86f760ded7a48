package io.motcrm.loyalty.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;

/**
 * Checks what must hold for the whole ledger at any moment, straight in the database. All checks
 * are one SQL statement, so they see one snapshot even while transactions commit: a violation
 * reported here is a real one, never a half-seen transaction. The same checks back the test
 * suite's ledger assertions, so what is proved in tests is what an operator can ask in production.
 */
@ApplicationScoped
public class LedgerAudit {

    /** Examples of violating rows named per invariant, at most. */
    static final int EXAMPLES = 5;

    /** An invariant: its name, what it says, and a query yielding one text column per violating row. */
    record Invariant(String name, String description, String violations) {
    }

    static final List<Invariant> INVARIANTS = List.of(
            new Invariant("transactions-balance", "Every transaction has at least two entries and sums to zero", """
                    select transaction_id::text from ledger_entry group by transaction_id
                    having sum(amount) <> 0 or count(*) < 2"""),
            new Invariant("transactions-have-entries", "Every transaction has entries", """
                    select t.id::text from ledger_transaction t
                    where not exists (select 1 from ledger_entry e where e.transaction_id = t.id)"""),
            new Invariant("customer-accounts-not-negative",
                    "No customer account is below zero, and locked points are part of the posted balance", """
                    select id::text from account
                    where type = 'CUSTOMER' and (posted < 0 or held < 0 or locked < 0 or locked > posted)"""),
            new Invariant("system-accounts-uncached",
                    "System accounts keep no cached balance: theirs is the sum of their entries", """
                    select id::text from account where type <> 'CUSTOMER' and (posted <> 0 or held <> 0 or locked <> 0)"""),
            new Invariant("customer-balance-matches-entries",
                    "A customer account's cached balance equals the sum of its entries", """
                    select a.id::text from account a
                    left join (select account_id, sum(amount) as total from ledger_entry group by account_id) e
                      on e.account_id = a.id
                    where a.type = 'CUSTOMER' and a.posted <> coalesce(e.total, 0)"""),
            new Invariant("customer-balance-matches-lots",
                    "A customer account's posted and locked points equal what its lots hold", """
                    select a.id::text from account a
                    left join (select account_id, sum(remaining) as remaining,
                                      sum(case when locked then remaining else 0 end) as locked
                               from lot group by account_id) l on l.account_id = a.id
                    where a.type = 'CUSTOMER'
                      and (a.posted <> coalesce(l.remaining, 0) or a.locked <> coalesce(l.locked, 0))"""),
            new Invariant("lots-explained-by-consumptions",
                    "What remains of a lot is its points less the recorded consumptions", """
                    select l.id::text from lot l
                    left join (select lot_id, sum(points) as consumed from lot_consumption group by lot_id) c
                      on c.lot_id = l.id
                    where l.points - coalesce(c.consumed, 0) <> l.remaining"""),
            new Invariant("held-matches-pending-holds",
                    "A customer account's held points equal its pending redemption holds", """
                    select a.id::text from account a
                    left join (select account_id, sum(authorized_points) as held from redemption
                               where status = 'PENDING' group by account_id) r on r.account_id = a.id
                    where a.type = 'CUSTOMER' and a.held <> coalesce(r.held, 0)"""),
            new Invariant("holds-account-matches-pending-holds",
                    "The holds account carries exactly the points of all pending holds", """
                    select 'holds account ' || h.total || ', pending holds ' || p.total
                    from (select coalesce(sum(e.amount), 0) as total from ledger_entry e
                          join account a on a.id = e.account_id where a.type = 'HOLDS' and a.owner_ref = 'system') h,
                         (select coalesce(sum(authorized_points), 0) as total from redemption
                          where status = 'PENDING') p
                    where h.total <> p.total"""),
            new Invariant("partner-settlement-matches-movements",
                    "A partner's settlement account equals its captures less refunds and partner earns", """
                    select p.id::text from partner p
                    left join (select account_id, sum(amount) as total from ledger_entry group by account_id) e
                      on e.account_id = p.account_id
                    left join (select partner_id,
                                      sum(case kind when 'CAPTURE' then points else -points end) as net
                               from partner_movement group by partner_id) m on m.partner_id = p.id
                    where coalesce(e.total, 0) <> coalesce(m.net, 0)"""),
            new Invariant("points-conserved",
                    "Customers hold what was issued less what was expired, spent, held, settled, donated, forfeited and adjusted",
                    """
                    select 'customers ' || c.total || ', accounted for ' || (-s.total)
                    from (select coalesce(sum(posted), 0) as total from account where type = 'CUSTOMER') c,
                         (select coalesce(sum(e.amount), 0) as total from ledger_entry e
                          join account a on a.id = e.account_id where a.type <> 'CUSTOMER') s
                    where c.total <> -s.total"""));

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Runs every check on one snapshot of the ledger. */
    public AuditReport run() {
        StringBuilder sql = new StringBuilder("select * from (select count(*) from ledger_transaction) t, "
                + "(select count(*) from ledger_entry) e, (select ");
        for (int i = 0; i < INVARIANTS.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(select array[count(*)::text] || (array_agg(v)) [1:")
                    .append(EXAMPLES).append("] from (").append(INVARIANTS.get(i).violations())
                    .append(") as found(v))");
        }
        sql.append(") checks");
        Object[] row = (Object[]) em.createNativeQuery(sql.toString()).getSingleResult();
        List<AuditReport.Finding> findings = new ArrayList<>();
        for (int i = 0; i < INVARIANTS.size(); i++) {
            Invariant invariant = INVARIANTS.get(i);
            String[] found = texts(row[2 + i]);
            long violations = Long.parseLong(found[0]);
            List<String> examples = Arrays.stream(found, 1, found.length).toList();
            if (violations > 0) {
                Log.warnf("Ledger audit: invariant %s violated by %d row(s), e.g. %s", invariant.name(), violations,
                        examples);
            }
            findings.add(new AuditReport.Finding(invariant.name(), invariant.description(), violations, examples));
        }
        boolean ok = findings.stream().allMatch(finding -> finding.violations() == 0);
        return new AuditReport(Instant.now(clock), ok, ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                findings);
    }

    private static String[] texts(Object array) {
        if (array instanceof String[] strings) {
            return strings;
        }
        Object[] values = (Object[]) array;
        return Arrays.stream(values).map(String::valueOf).toArray(String[]::new);
    }
}
