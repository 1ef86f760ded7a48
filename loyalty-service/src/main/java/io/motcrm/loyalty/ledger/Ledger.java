package io.motcrm.loyalty.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.motcrm.loyalty.LoyaltyConfig;
import io.motcrm.loyalty.LoyaltyProblem;
import io.motcrm.platform.problem.ProblemException;

/**
 * The only writer of the ledger. Every operation runs inside the caller's transaction on accounts
 * the caller locked first with {@link #lock}: rows are locked {@code FOR UPDATE} in ascending id
 * order, so two transactions never wait on each other in a cycle. Within that transaction the
 * entries, the lots and the cached balances change together; every transaction balances (checked
 * here and again by the database at commit).
 */
@ApplicationScoped
public class Ledger {

    /** One side of a transaction to post: a signed amount on an account. */
    public record Posting(long accountId, long amount) {
    }

    /** Accounts locked by the current transaction, by id. */
    public static final class Locks {
        private final Map<Long, Account> accounts;

        private Locks(Map<Long, Account> accounts) {
            this.accounts = Collections.unmodifiableMap(accounts);
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
    public record Debit(LedgerTransaction transaction, long points) {
    }

    @Inject
    Clock clock;

    @Inject
    LoyaltyConfig config;

    /** Locks the accounts with {@code SELECT ... FOR UPDATE}, in ascending id order, and loads them fresh. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Locks lock(Long... accountIds) {
        Map<Long, Account> locked = new LinkedHashMap<>();
        for (Long id : new TreeSet<>(List.of(accountIds))) {
            locked.put(id, Account.lock(id));
        }
        return new Locks(locked);
    }

    /**
     * Posts a transaction: checks that it balances, writes it and its entries, and moves the cached
     * posted balances. A customer account may not end below zero available.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerTransaction post(Locks locks, TransactionKind kind, String reference, Long reverses,
            String description, List<Posting> postings) {
        checkBalanced(postings);
        Instant now = clock.instant();
        for (Posting posting : postings) {
            Account account = locks.get(posting.accountId());
            if (account.status != Account.Status.OPEN) {
                throw new ProblemException(LoyaltyProblem.ACCOUNT_CLOSED, "Account " + account.id + " is closed");
            }
        }
        LedgerTransaction transaction = new LedgerTransaction();
        transaction.kind = kind;
        transaction.reference = reference;
        transaction.reversesTransactionId = reverses;
        transaction.description = description;
        transaction.createdAt = now;
        transaction.persist();
        for (Posting posting : postings) {
            Account account = locks.get(posting.accountId());
            account.posted = Math.addExact(account.posted, posting.amount());
            account.updatedAt = now;
            if (account.isCustomer() && (account.posted < 0 || account.available() < 0)) {
                throw new ProblemException(LoyaltyProblem.INSUFFICIENT_POINTS,
                        "The account does not have enough available points").with("available", account.available());
            }
            LedgerEntry entry = new LedgerEntry();
            entry.transactionId = transaction.id;
            entry.accountId = account.id;
            entry.amount = posting.amount();
            entry.createdAt = now;
            entry.persist();
        }
        return transaction;
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
        Instant now = clock.instant();
        LedgerTransaction transaction = post(locks, kind, reference, null, description,
                List.of(new Posting(customerAccountId, points), new Posting(sourceAccountId, -points)));
        Lot lot = new Lot();
        lot.accountId = customerAccountId;
        lot.transactionId = transaction.id;
        lot.points = points;
        lot.remaining = points;
        lot.earnedAt = now;
        lot.expiresAt = now.atOffset(ZoneOffset.UTC).plusMonths(config.lots().expiryMonths()).toInstant();
        lot.lockedUntil = lockedUntil;
        lot.locked = lockedUntil != null && lockedUntil.isAfter(now);
        lot.persist();
        if (lot.locked) {
            Account customer = locks.get(customerAccountId);
            customer.locked = Math.addExact(customer.locked, points);
        }
        return transaction;
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
        candidates.addAll(Lot.spendable(customerAccountId));
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
            return new Debit(null, 0);
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
        return new Debit(transaction, taken);
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
        for (Lot lot : Lot.dueForUnlock(customerAccountId, now)) {
            lot.locked = false;
            customer.locked -= lot.remaining;
        }
        long expired = 0;
        for (Lot lot : Lot.dueForExpiry(customerAccountId, now)) {
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
