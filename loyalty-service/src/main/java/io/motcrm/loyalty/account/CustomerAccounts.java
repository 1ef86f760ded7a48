package io.motcrm.loyalty.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.motcrm.loyalty.Cursors;
import io.motcrm.loyalty.LoyaltyConfig;
import io.motcrm.loyalty.LoyaltyProblem;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.AccountType;
import io.motcrm.loyalty.ledger.Ledger;
import io.motcrm.loyalty.ledger.LedgerEntry;
import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.loyalty.ledger.Lot;
import io.motcrm.loyalty.ledger.TransactionKind;
import io.motcrm.platform.problem.ProblemException;

/** Customers' points accounts: opening, balance, statement, expiring points, spending. */
@ApplicationScoped
public class CustomerAccounts {

    @Inject
    Ledger ledger;

    @Inject
    LoyaltyConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    /**
     * Opens the customer's account if it does not exist yet and grants the welcome bonus once.
     * Safe against concurrent duplicates: the insert is {@code ON CONFLICT DO NOTHING} (on the unique
     * (type, owner) and the unique member code), and the bonus is a transaction unique by its reference.
     */
    @Transactional
    public AccountOpened open(CustomerRegistered event) {
        ledger.claim("customer:" + event.customerId());
        if (Erasure.findById(event.customerId()) != null) {
            // Erased before its registration arrived: no account is opened, nothing is granted.
            return new AccountOpened(event.customerId(), 0, null, null, true);
        }
        Instant now = clock.instant();
        int inserted = entityManager.createNativeQuery("""
                insert into account (type, owner_ref, status, member_code, posted, held, locked, created_at, updated_at)
                values ('CUSTOMER', :owner, 'OPEN', :memberCode, 0, 0, 0, :now, :now)
                on conflict do nothing
                """)
                .setParameter("owner", event.customerId().toString())
                .setParameter("memberCode", event.memberCode())
                .setParameter("now", now)
                .executeUpdate();
        // Nothing inserted and no account of this customer: another customer's account has the member code (a
        // refusal, not a unique-index failure whose log line would quote the code).
        long accountId = Account.customerAccountId(event.customerId()).orElseThrow(() -> new ProblemException(
                LoyaltyProblem.MEMBER_CODE_TAKEN, "Another customer's points account has this member code"));
        long issuance = ledger.systemAccount(AccountType.ISSUANCE);
        Ledger.Locks locks = ledger.lock(accountId);

        String reference = "welcome:" + event.customerId();
        LedgerTransaction welcome = LedgerTransaction.findByReference(TransactionKind.EARN, reference).orElse(null);
        if (welcome == null && config.earn().welcomeBonus() > 0) {
            welcome = ledger.credit(locks, accountId, issuance, TransactionKind.EARN, reference, "Welcome bonus",
                    config.earn().welcomeBonus(), null);
        }
        long bonus = welcome == null ? 0 : amountOn(welcome.id, accountId);
        return new AccountOpened(event.customerId(), bonus, welcome == null ? null : welcome.id,
                balanceOf(locks.get(accountId)), inserted == 0);
    }

    public Balance balance(UUID customerId) {
        return balanceOf(account(customerId));
    }

    /**
     * A page of the statement, newest first: after the entry a cursor names ({@code after}, keyset on the entry id,
     * stable while new transactions arrive), or by page number (the older offset paging, kept for existing clients).
     * Either way {@code nextCursor} leads on from the page's last line.
     */
    public Statement statement(UUID customerId, int page, int size, String after) {
        Account account = account(customerId);
        long total = LedgerEntry.count("accountId", account.id);
        long before = Long.MAX_VALUE;
        int offset = Math.multiplyExact(page, size);
        if (after != null) {
            if (page != 0) {
                throw new ProblemException(LoyaltyProblem.INVALID_CURSOR, "Page through a statement by page or by after, not both");
            }
            before = Cursors.part(Cursors.decode(after, 1)[0], Long::parseLong);
        }
        List<Object[]> rows = entityManager.createQuery("""
                select e.id, t.id, t.kind, t.reference, t.reversesTransactionId, t.description, e.amount, e.createdAt
                from LedgerEntry e, LedgerTransaction t
                where t.id = e.transactionId and e.accountId = :account and e.id < :before
                order by e.id desc
                """, Object[].class)
                .setParameter("account", account.id)
                .setParameter("before", before)
                .setFirstResult(offset)
                .setMaxResults(size + 1)
                .getResultList();
        boolean more = rows.size() > size;
        List<Object[]> shown = more ? rows.subList(0, size) : rows;
        List<StatementLine> items = shown.stream()
                .map(row -> new StatementLine((Long) row[1], (TransactionKind) row[2], (String) row[3], (Long) row[4],
                        (String) row[5], (Long) row[6], (Instant) row[7]))
                .toList();
        String nextCursor = more ? Cursors.encode(shown.get(shown.size() - 1)[0]) : null;
        return new Statement(customerId, page, size, total, items, nextCursor);
    }

    public StatementLine transaction(UUID customerId, long transactionId) {
        Account account = account(customerId);
        return entityManager.createQuery("""
                select new io.motcrm.loyalty.account.StatementLine(t.id, t.kind, t.reference, t.reversesTransactionId,
                    t.description, e.amount, e.createdAt)
                from LedgerEntry e, LedgerTransaction t
                where t.id = e.transactionId and e.accountId = :account and t.id = :transaction
                """, StatementLine.class)
                .setParameter("account", account.id)
                .setParameter("transaction", transactionId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new ProblemException(LoyaltyProblem.TRANSACTION_NOT_FOUND,
                        "Transaction " + transactionId + " is not on this customer's account"));
    }

    public ExpiringPoints expiring(UUID customerId, int withinDays) {
        Account account = account(customerId);
        Instant until = clock.instant().plus(Duration.ofDays(withinDays));
        List<ExpiringPoints.ExpiringLot> lots = Lot.expiringBy(account.id, until).stream()
                .map(lot -> new ExpiringPoints.ExpiringLot(lot.id, lot.points, lot.remaining, lot.earnedAt,
                        lot.expiresAt, lot.locked, lot.lockedUntil))
                .toList();
        long total = lots.stream().mapToLong(ExpiringPoints.ExpiringLot::remaining).sum();
        return new ExpiringPoints(customerId, withinDays, until, total, lots);
    }

    /** Spends available points, taking them from unlocked lots soonest-expiring first. */
    @Transactional
    public SpendResult spend(UUID customerId, SpendRequest request) {
        long accountId = Account.customerAccountId(customerId)
                .orElseThrow(() -> new ProblemException(LoyaltyProblem.ACCOUNT_NOT_FOUND, "This customer has no points account"));
        long redemption = ledger.systemAccount(AccountType.REDEMPTION);
        long expiry = ledger.systemAccount(AccountType.EXPIRY);
        Ledger.Locks locks = ledger.lock(accountId);
        String reference = "spend:" + customerId + ":" + request.reference();
        if (LedgerTransaction.findByReference(TransactionKind.SPEND, reference).isPresent()) {
            throw new ProblemException(LoyaltyProblem.REFERENCE_USED,
                    "Points were already spent with reference '" + request.reference() + "'");
        }
        ledger.sweep(locks, accountId, expiry);
        String description = request.description() == null ? "Points spent" : request.description();
        Ledger.Debit debit = ledger.debit(locks, accountId, redemption, TransactionKind.SPEND, reference, null,
                description, request.points(), List.of(), false);
        return new SpendResult(customerId, debit.transaction().id, debit.points(), request.reference(),
                balanceOf(locks.get(accountId)));
    }

    public Account account(UUID customerId) {
        return Account.findCustomer(customerId)
                .orElseThrow(() -> new ProblemException(LoyaltyProblem.ACCOUNT_NOT_FOUND, "This customer has no points account"));
    }

    public Balance balanceOf(Account account) {
        return new Balance(UUID.fromString(account.ownerRef), account.status.name(), account.available(),
                account.posted, account.held, account.locked, account.tier, clock.instant());
    }

    private static long amountOn(long transactionId, long accountId) {
        return LedgerEntry.<LedgerEntry>find("transactionId = ?1 and accountId = ?2", transactionId, accountId)
                .firstResultOptional().map(entry -> entry.amount).orElse(0L);
    }
}
