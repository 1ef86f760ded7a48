package io.motcrm.loyalty.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.motcrm.loyalty.LoyaltyConfig;
import io.motcrm.loyalty.LoyaltyProblem;
import io.motcrm.platform.problem.ProblemException;

/**
 * The only writer of the ledger. Every operation runs inside the caller's transaction on the
 * customer accounts the caller locked first with {@link #lock}: rows are locked {@code FOR UPDATE} in
 * ascending id order, so two transactions never wait on each other in a cycle. System accounts
 * (issuance, holds, expiry, partners, charities...) are never locked and keep no cached balance:
 * their balance is the sum of their entries, so the many transactions touching them run side by
 * side. Within a transaction the entries, the lots and the customers' cached balances change
 * together; every transaction balances (checked here and again by the database at commit).
 */
@ApplicationScoped
public class Ledger {

    /** One side of a transaction to post: a signed amount on an account. */
    public record Posting(long accountId, long amount) {
    }

    /** Accounts locked by the current transaction, by id. */
    public static final class Locks {
        private final Map<Long, Account> accounts;
        /** Lots {@link #sweep} loaded, kept for a debit in the same transaction; dropped when a lot is added. */
        private final Map<Long, List<Lot>> openLots = new HashMap<>();

        private Locks(Map<Long, Account> accounts) {
            this.accounts = Collections.unmodifiableMap(accounts);
        }

        /** Unlocked lots with points left, soonest-expiring first. */
        private List<Lot> spendable(long accountId) {
            List<Lot> open = openLots.get(accountId);
            if (open == null) {
                return Lot.spendable(accountId);
            }
            return open.stream().filter(lot -> lot.remaining > 0 && !lot.locked).toList();
        }

        /** The locked customer account, or null when {@code accountId} is not among them. */
        Account find(long accountId) {
            return accounts.get(accountId);
        }

        public Account get(long accountId) {
            Account account = accounts.get(accountId);
            if (account == null) {
                throw new IllegalStateException("Account " + accountId + " is used without being locked");
            }
            return account;
        }
    }

    /** What a debit took: the transaction (null when nothing could be taken) and the points taken. */
    public record Debit(LedgerTransaction transaction, long points, Instant latestExpiry) {
    }

    @Inject
    Clock clock;

    @Inject
    LoyaltyConfig config;

    private final Map<AccountType, Long> systemIds = new ConcurrentHashMap<>();

    /** System accounts seen open: they are never locked nor changed, so they need not be read again. */
    private final Set<Long> openSystemAccounts = ConcurrentHashMap.newKeySet();

    /**
     * Locks customer accounts with {@code SELECT ... FOR UPDATE}, in ascending id order, and loads
     * them fresh. System accounts are never locked (they keep no cached balance), so they are not
     * passed here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Locks lock(Long... customerAccountIds) {
        Map<Long, Account> locked = new LinkedHashMap<>();
        for (Long id : new TreeSet<>(List.of(customerAccountIds))) {
            Account account = Account.lock(id);
            if (!account.isCustomer()) {
                throw new IllegalStateException("Account " + id + " is a system account and is never locked");
            }
            locked.put(id, account);
        }
        return new Locks(locked);
    }

    /** The id of the single system account of a type (ids never change, so they are remembered). */
    public long systemAccount(AccountType type) {
        return systemIds.computeIfAbsent(type, Account::systemId);
    }

    /**
     * Posts a transaction: checks that it balances, writes it and its entries, and moves the cached
     * balances of the customer accounts (which must be locked). System accounts are only read, to
     * check they exist and are open: their balance is the sum of their entries. A customer account
     * may not end below zero.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerTransaction post(Locks locks, TransactionKind kind, String reference, Long reverses,
            String description, List<Posting> postings) {
        checkBalanced(postings);
        Instant now = clock.instant();
        List<Account> accounts = new ArrayList<>(postings.size());
        for (Posting posting : postings) {
            Account account = locks.find(posting.accountId());
            if (account == null && !openSystemAccounts.contains(posting.accountId())) {
                Account system = Account.findById(posting.accountId());
                if (system == null || system.isCustomer()) {
                    throw new IllegalStateException("Customer account " + posting.accountId() + " is used without being locked");
                }
                if (system.status != Account.Status.OPEN) {
                    throw new ProblemException(LoyaltyProblem.ACCOUNT_CLOSED, "The account is closed");
                }
                // Nothing closes a system account (only customers' accounts close), so this holds.
                openSystemAccounts.add(system.id);
            }
            if (account != null && account.status != Account.Status.OPEN) {
                throw new ProblemException(LoyaltyProblem.ACCOUNT_CLOSED, "The points account is closed");
            }
            accounts.add(account);
        }
        for (int i = 0; i < postings.size(); i++) {
            Account account = accounts.get(i);
            if (account != null) {
                account.posted = Math.addExact(account.posted, postings.get(i).amount());
                account.updatedAt = now;
                if (account.posted < 0 || account.available() < 0) {
                    throw new ProblemException(LoyaltyProblem.INSUFFICIENT_POINTS,
                            "The account does not have enough available points").with("available", account.available());
                }
            }
        }
        LedgerTransaction transaction = new LedgerTransaction();
        transaction.kind = kind;
        transaction.reference = reference;
        transaction.reversesTransactionId = reverses;
        transaction.description = description;
        transaction.createdAt = now;
        transaction.id = insert(transaction, postings);
        return transaction;
    }

    /**
     * Writes a transaction and its entries in one statement (one round trip to the database, where
     * the hot paths spend most of their time) and returns its id. The returned entity is not managed:
     * ledger rows are never changed, so nothing needs to track it.
     */
    private static long insert(LedgerTransaction transaction, List<Posting> postings) {
        StringBuilder sql = new StringBuilder("""
                with t as (
                    insert into ledger_transaction (kind, reference, reverses_transaction_id, description, created_at)
                    values (:kind, :reference, cast(:reverses as bigint), :description, :createdAt) returning id)
                insert into ledger_entry (transaction_id, account_id, amount, created_at)
                select t.id, e.account_id, e.amount, :createdAt from t, (values\s""");
        for (int i = 0; i < postings.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(cast(:account").append(i).append(" as bigint), cast(:amount")
                    .append(i).append(" as bigint))");
        }
        sql.append(") as e (account_id, amount) returning transaction_id");
        NativeQuery<?> query = Account.getEntityManager().createNativeQuery(sql.toString()).unwrap(NativeQuery.class)
                // Only these tables: pending changes to accounts and lots need not be flushed first.
                .addSynchronizedQuerySpace("ledger_transaction")
                .addSynchronizedQuerySpace("ledger_entry");
        query.setParameter("kind", transaction.kind.name())
                .setParameter("reference", transaction.reference)
                .setParameter("reverses", transaction.reversesTransactionId, StandardBasicTypes.LONG)
                .setParameter("description", transaction.description, StandardBasicTypes.STRING)
                .setParameter("createdAt", transaction.createdAt, StandardBasicTypes.INSTANT);
        for (int i = 0; i < postings.size(); i++) {
            query.setParameter("account" + i, postings.get(i).accountId())
                    .setParameter("amount" + i, postings.get(i).amount());
        }
        return ((Number) query.getResultList().get(0)).longValue();
    }

    /** The balance of any account from its entries (for system accounts, which cache none). */
    public static long balanceFromEntries(long accountId) {
        Number sum = (Number) Account.getEntityManager()
                .createNativeQuery("select coalesce(sum(amount), 0) from ledger_entry where account_id = :account")
                .setParameter("account", accountId).getSingleResult();
        return sum.longValue();
    }

    /**
     * Serialises the booking of one cause (a purchase id, a case action id...) across transactions
     * that would otherwise lock different accounts, so that the second sees the first's row instead
     * of colliding with it on a unique index. Held until the transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(String cause) {
        Account.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:cause, 4))")
                .setParameter("cause", cause).getSingleResult();
    }

    /**
     * Credits {@code points} to a customer account from {@code source} and records them as a lot that
     * expires after the configured lifetime; the lot is locked until {@code lockedUntil} if that is
     * in the future.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerTransaction credit(Locks locks, long customerAccountId, long sourceAccountId, TransactionKind kind,
            String reference, String description, long points, Instant lockedUntil) {
        if (points <= 0) {
            throw new IllegalArgumentException("A credit must be positive");
        }
        LedgerTransaction transaction = post(locks, kind, reference, null, description,
                List.of(new Posting(customerAccountId, points), new Posting(sourceAccountId, -points)));
        addLot(locks, customerAccountId, transaction.id, points, defaultExpiry(), lockedUntil);
        return transaction;
    }

    /** When points earned now expire. */
    public Instant defaultExpiry() {
        return clock.instant().atOffset(ZoneOffset.UTC).plusMonths(config.lots().expiryMonths()).toInstant();
    }

    /**
     * Records points a transaction credited to a customer account as a lot. Points coming back (a
     * voided hold, a refund) get a lot expiring at {@code expiresAt}, the latest expiry of the lots they
     * were taken from.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Lot addLot(Locks locks, long customerAccountId, long transactionId, long points, Instant expiresAt,
            Instant lockedUntil) {
        Instant now = clock.instant();
        Lot lot = new Lot();
        lot.accountId = customerAccountId;
        lot.transactionId = transactionId;
        lot.points = points;
        lot.remaining = points;
        lot.earnedAt = now;
        lot.expiresAt = expiresAt;
        lot.lockedUntil = lockedUntil;
        lot.locked = lockedUntil != null && lockedUntil.isAfter(now);
        lot.persist();
        locks.openLots.remove(customerAccountId);
        if (lot.locked) {
            Account customer = locks.get(customerAccountId);
            customer.locked = Math.addExact(customer.locked, points);
        }
        return lot;
    }

    /**
     * Takes {@code points} out of a customer account into {@code sink}: first from {@code firstFrom}
     * (e.g. the lots of the earn being reversed, locked or not), then from unlocked lots,
     * soonest-expiring first. With {@code partial}, takes what there is instead of refusing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Debit debit(Locks locks, long customerAccountId, long sinkAccountId, TransactionKind kind, String reference,
            Long reverses, String description, long points, List<Lot> firstFrom, boolean partial) {
        if (points <= 0) {
            throw new IllegalArgumentException("A debit must be positive");
        }
        Account customer = locks.get(customerAccountId);
        Map<Lot, Long> plan = new LinkedHashMap<>();
        long needed = points;
        LinkedHashSet<Lot> candidates = new LinkedHashSet<>(firstFrom);
        candidates.addAll(locks.spendable(customerAccountId));
        for (Lot lot : candidates) {
            if (needed == 0) {
                break;
            }
            if (!lot.accountId.equals(customerAccountId) || lot.remaining == 0) {
                continue;
            }
            long take = Math.min(lot.remaining, needed);
            plan.put(lot, take);
            needed -= take;
        }
        long taken = points - needed;
        if (needed > 0 && !partial) {
            throw new ProblemException(LoyaltyProblem.INSUFFICIENT_POINTS,
                    "Only " + customer.available() + " points are available")
                    .with("available", customer.available())
                    .with("requested", points);
        }
        if (taken == 0) {
            return new Debit(null, 0, null);
        }
        for (Map.Entry<Lot, Long> step : plan.entrySet()) {
            Lot lot = step.getKey();
            lot.remaining -= step.getValue();
            if (lot.locked) {
                customer.locked -= step.getValue();
            }
        }
        LedgerTransaction transaction = post(locks, kind, reference, reverses, description,
                List.of(new Posting(customerAccountId, -taken), new Posting(sinkAccountId, taken)));
        for (Map.Entry<Lot, Long> step : plan.entrySet()) {
            LotConsumption consumption = new LotConsumption();
            consumption.lotId = step.getKey().id;
            consumption.transactionId = transaction.id;
            consumption.points = step.getValue();
            consumption.persist();
        }
        Instant latest = plan.keySet().stream().map(lot -> lot.expiresAt).max(Instant::compareTo).orElse(null);
        return new Debit(transaction, taken, latest);
    }

    /**
     * Brings a customer account up to date: lots whose return window has passed become spendable,
     * and lots past their expiry are expired into {@code expiryAccountId}, one EXPIRE transaction
     * per lot. Returns the points expired.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long sweep(Locks locks, long customerAccountId, long expiryAccountId) {
        Instant now = clock.instant();
        Account customer = locks.get(customerAccountId);
        // One query for the lots of the account that matter now; a debit that follows reuses them.
        List<Lot> open = Lot.open(customerAccountId);
        locks.openLots.put(customerAccountId, open);
        List<Lot> due = open.stream()
                .filter(lot -> (lot.locked && !lot.lockedUntil.isAfter(now)) || (lot.remaining > 0 && !lot.expiresAt.isAfter(now)))
                .toList();
        for (Lot lot : due) {
            if (lot.locked && !lot.lockedUntil.isAfter(now)) {
                lot.locked = false;
                customer.locked -= lot.remaining;
            }
        }
        long expired = 0;
        for (Lot lot : due) {
            if (lot.remaining == 0 || lot.expiresAt.isAfter(now)) {
                continue;
            }
            long points = lot.remaining;
            if (lot.locked) {
                lot.locked = false;
                customer.locked -= points;
            }
            lot.remaining = 0;
            LedgerTransaction transaction = post(locks, TransactionKind.EXPIRE, "expire:lot:" + lot.id, null,
                    "Points expired", List.of(new Posting(customerAccountId, -points), new Posting(expiryAccountId, points)));
            LotConsumption consumption = new LotConsumption();
            consumption.lotId = lot.id;
            consumption.transactionId = transaction.id;
            consumption.points = points;
            consumption.persist();
            expired += points;
        }
        return expired;
    }

    static void checkBalanced(List<Posting> postings) {
        if (postings.size() < 2) {
            throw new IllegalArgumentException("A transaction needs at least two entries");
        }
        long sum = 0;
        List<Long> accounts = new ArrayList<>();
        for (Posting posting : postings) {
            if (posting.amount() == 0) {
                throw new IllegalArgumentException("An entry cannot be zero");
            }
            sum = Math.addExact(sum, posting.amount());
            accounts.add(posting.accountId());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("Entries on accounts " + accounts + " sum to " + sum + ", not zero");
        }
    }
}
