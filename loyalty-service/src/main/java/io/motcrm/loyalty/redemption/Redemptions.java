package io.motcrm.loyalty.redemption;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.motcrm.loyalty.Cursors;
import io.motcrm.loyalty.LoyaltyConfig;
import io.motcrm.loyalty.LoyaltyProblem;
import io.motcrm.loyalty.consent.Consents;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.AccountType;
import io.motcrm.loyalty.ledger.Ledger;
import io.motcrm.loyalty.ledger.Ledger.Posting;
import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.loyalty.ledger.TransactionKind;
import io.motcrm.loyalty.partner.Partner;
import io.motcrm.loyalty.partner.PartnerMovement;
import io.motcrm.loyalty.partner.PartnerReferences;
import io.motcrm.loyalty.partner.Partners;
import io.motcrm.platform.problem.ProblemException;

/**
 * Two-phase redemption, after TigerBeetle's pending transfers: {@code authorize} moves the points
 * from the customer to the HOLDS account (a HOLD transaction, consuming lots soonest-expiring
 * first); {@code capture} moves what is captured on to the partner's settlement account and the
 * rest back to the customer, in one transaction; {@code void} and the expiry job move it all back;
 * {@code refund} moves captured points back from the partner. Points coming back form a new lot
 * that expires with the latest lot the hold took. Each step locks the customer account, then the
 * redemption row: the same order everywhere.
 */
@ApplicationScoped
public class Redemptions {

    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 10;

    private final SecureRandom random = new SecureRandom();

    @Inject
    Ledger ledger;

    @Inject
    Partners partners;

    @Inject
    LoyaltyConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    PartnerReferences partnerReferences;

    @Inject
    Consents consents;

    /** A new one-time code for the customer's account. */
    @Transactional
    public CodeIssued issueCode(UUID customerId, CodeRequest request) {
        Account account = Account.findCustomer(customerId)
                .orElseThrow(() -> new ProblemException(LoyaltyProblem.ACCOUNT_NOT_FOUND, "This customer has no points account"));
        if (!account.isOpen()) {
            throw new ProblemException(LoyaltyProblem.ACCOUNT_CLOSED, "The points account is closed");
        }
        Instant now = clock.instant();
        RedemptionCode code = new RedemptionCode();
        code.code = newCode();
        code.accountId = account.id;
        code.maxPoints = request == null ? null : request.maxPoints();
        code.createdAt = now;
        code.expiresAt = now.plus(config.redemption().codeLifetime());
        code.persist();
        return new CodeIssued(customerId, code.code, code.maxPoints, code.expiresAt);
    }

    /** The customer's one-time codes, newest first, a page at a time. */
    public RedemptionCodePage codes(UUID customerId, String after, int limit) {
        Account account = Account.findCustomer(customerId)
                .orElseThrow(() -> new ProblemException(LoyaltyProblem.ACCOUNT_NOT_FOUND, "This customer has no points account"));
        // Panache's range is inclusive: limit + 1 rows, the last only to tell whether another page follows.
        List<RedemptionCode> found;
        if (after == null) {
            found = RedemptionCode.find("accountId = ?1 order by createdAt desc, code desc", account.id)
                    .range(0, limit).list();
        } else {
            String[] key = Cursors.decode(after, 2);
            Instant createdAt = Cursors.part(key[0], Instant::parse);
            found = RedemptionCode.find("accountId = ?1 and (createdAt < ?2 or (createdAt = ?2 and code < ?3)) "
                    + "order by createdAt desc, code desc", account.id, createdAt, key[1]).range(0, limit).list();
        }
        boolean more = found.size() > limit;
        List<RedemptionCode> page = more ? found.subList(0, limit) : found;
        Instant now = clock.instant();
        RedemptionCode last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new RedemptionCodePage(page.stream().map(code -> RedemptionCodeView.of(code, now)).toList(),
                more ? Cursors.encode(last.createdAt, last.code) : null);
    }

    /**
     * Revokes one of the customer's unused codes, so that no partner can use it any more. Idempotent: revoking a
     * revoked (or expired) code answers it as it stands. A used code cannot be revoked: 409. The update takes the
     * code's row lock, as authorize's claim does, so of a revoke and a use at the same moment exactly one wins.
     */
    @Transactional
    public RedemptionCodeView revokeCode(UUID customerId, String codeText) {
        Account account = Account.findCustomer(customerId)
                .orElseThrow(() -> new ProblemException(LoyaltyProblem.ACCOUNT_NOT_FOUND, "This customer has no points account"));
        String normalized = codeText.trim().toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        entityManager.createQuery("""
                update RedemptionCode c set c.revokedAt = :now
                where c.code = :code and c.accountId = :account and c.usedAt is null and c.revokedAt is null""")
                .setParameter("now", now)
                .setParameter("code", normalized)
                .setParameter("account", account.id)
                .executeUpdate();
        RedemptionCode code = RedemptionCode.findById(normalized);
        if (code == null || !code.accountId.equals(account.id)) {
            throw new ProblemException(LoyaltyProblem.REDEMPTION_CODE_NOT_FOUND, "You have no such redemption code");
        }
        entityManager.refresh(code);
        if (code.usedAt != null) {
            throw new ProblemException(LoyaltyProblem.REDEMPTION_CODE_USED,
                    "This code was already used for a redemption; it cannot be revoked")
                    .with("redemptionId", String.valueOf(code.redemptionId));
        }
        return RedemptionCodeView.of(code, now);
    }

    /** Holds points with a customer's code, for the calling partner. */
    @Transactional
    public RedemptionView authorize(String partnerId, AuthorizeRequest request) {
        Partner partner = partners.active(partnerId);
        String codeText = request.code().trim().toUpperCase(Locale.ROOT);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        RedemptionCode code = claim(codeText, id, now);
        if (code.maxPoints != null && request.points() > code.maxPoints) {
            throw new ProblemException(LoyaltyProblem.REDEMPTION_CODE_CAP_EXCEEDED,
                    "The customer allowed at most " + code.maxPoints + " points with this code")
                    .with("maxPoints", code.maxPoints);
        }
        Ledger.Locks locks = ledger.lock(code.accountId);
        Account account = locks.get(code.accountId);
        ledger.sweep(locks, account.id, ledger.systemAccount(AccountType.EXPIRY));
        if (account.available() < request.points()) {
            // The partner learns that this amount cannot be held, not how many points the customer has.
            throw new ProblemException(LoyaltyProblem.INSUFFICIENT_POINTS,
                    "The customer has not enough points available for this amount").with("requested", request.points());
        }
        Ledger.Debit hold = ledger.debit(locks, account.id, ledger.systemAccount(AccountType.HOLDS), TransactionKind.HOLD,
                "redemption:" + id + ":hold", null, "Points held for a partner redemption", request.points(),
                List.of(), false);
        account.held = Math.addExact(account.held, request.points());

        Redemption redemption = new Redemption();
        redemption.id = id;
        redemption.partnerId = partner.id;
        redemption.accountId = account.id;
        redemption.code = codeText;
        redemption.partnerReference = request.reference();
        redemption.status = Redemption.Status.PENDING;
        redemption.authorizedPoints = request.points();
        redemption.holdTransactionId = hold.transaction().id;
        redemption.restoreExpiresAt = hold.latestExpiry() == null ? ledger.defaultExpiry() : hold.latestExpiry();
        redemption.expiresAt = now.plus(config.redemption().holdTimeout());
        redemption.createdAt = now;
        redemption.updatedAt = now;
        redemption.persist();
        return view(redemption, account, hold.transaction().id);
    }

    public RedemptionView get(String partnerId, UUID id) {
        Redemption redemption = own(partnerId, id);
        Account account = Account.findById(redemption.accountId);
        return view(redemption, account, redemption.holdTransactionId);
    }

    /** Captures {@code points} of the hold (all when null); the rest goes back to the customer. */
    @Transactional
    public RedemptionView capture(String partnerId, UUID id, CaptureRequest request) {
        Redemption unlocked = own(partnerId, id);
        Ledger.Locks locks = ledger.lock(unlocked.accountId);
        Account account = locks.get(unlocked.accountId);
        Redemption redemption = lockPending(unlocked);
        long points = request == null || request.points() == null ? redemption.authorizedPoints : request.points();
        if (points > redemption.authorizedPoints) {
            throw new ProblemException(LoyaltyProblem.CAPTURE_EXCEEDS_HOLD,
                    "Only " + redemption.authorizedPoints + " points are held").with("heldPoints", redemption.authorizedPoints);
        }
        long rest = redemption.authorizedPoints - points;
        long partnerAccount = partners.settlementAccount(redemption.partnerId);
        List<Posting> postings = new ArrayList<>();
        postings.add(new Posting(ledger.systemAccount(AccountType.HOLDS), -redemption.authorizedPoints));
        postings.add(new Posting(partnerAccount, points));
        if (rest > 0) {
            postings.add(new Posting(account.id, rest));
        }
        LedgerTransaction transaction = ledger.post(locks, TransactionKind.CAPTURE, "redemption:" + id + ":capture",
                redemption.holdTransactionId, "Points redeemed at a partner", postings);
        if (rest > 0) {
            ledger.addLot(locks, account.id, transaction.id, rest, redemption.restoreExpiresAt, null);
        }
        account.held -= redemption.authorizedPoints;
        redemption.status = Redemption.Status.CAPTURED;
        redemption.capturedPoints = points;
        redemption.updatedAt = clock.instant();
        partners.record(redemption.partnerId, id, PartnerMovement.Kind.CAPTURE, points,
                redemption.partnerReference == null ? id.toString() : redemption.partnerReference, transaction.id,
                account.id);
        return view(redemption, account, transaction.id);
    }

    @Transactional
    public RedemptionView voidHold(String partnerId, UUID id) {
        Redemption unlocked = own(partnerId, id);
        Ledger.Locks locks = ledger.lock(unlocked.accountId);
        Redemption redemption = lockPending(unlocked);
        long transactionId = release(locks, redemption, Redemption.Status.VOIDED);
        return view(redemption, locks.get(redemption.accountId), transactionId);
    }

    /** Gives back {@code points} of what was captured. */
    @Transactional
    public RedemptionView refund(String partnerId, UUID id, RefundRequest request) {
        Redemption unlocked = own(partnerId, id);
        Ledger.Locks locks = ledger.lock(unlocked.accountId);
        Account account = locks.get(unlocked.accountId);
        Redemption redemption = lock(unlocked);
        if (redemption.status != Redemption.Status.CAPTURED) {
            throw new ProblemException(LoyaltyProblem.REDEMPTION_NOT_CAPTURED,
                    "This redemption is " + redemption.statusAt(clock.instant()) + "; only captured points can be refunded");
        }
        long refundable = redemption.capturedPoints - redemption.refundedPoints;
        if (request.points() > refundable) {
            throw new ProblemException(LoyaltyProblem.REFUND_EXCEEDS_CAPTURED,
                    "Only " + refundable + " captured points are left to refund").with("refundablePoints", refundable);
        }
        long partnerAccount = partners.settlementAccount(redemption.partnerId);
        long number = PartnerMovement.count("redemptionId = ?1 and kind = ?2", id, PartnerMovement.Kind.REFUND) + 1;
        LedgerTransaction transaction = ledger.post(locks, TransactionKind.REFUND,
                "redemption:" + id + ":refund:" + number, redemption.holdTransactionId, "Partner redemption refunded",
                List.of(new Posting(partnerAccount, -request.points()), new Posting(account.id, request.points())));
        ledger.addLot(locks, account.id, transaction.id, request.points(), redemption.restoreExpiresAt, null);
        redemption.refundedPoints += request.points();
        redemption.updatedAt = clock.instant();
        partners.record(redemption.partnerId, id, PartnerMovement.Kind.REFUND, request.points(), request.reference(),
                transaction.id, account.id);
        return view(redemption, account, transaction.id);
    }

    /** Holds past their timeout, oldest first, at most {@code limit}. */
    public List<UUID> expiredHolds(int limit) {
        return entityManager.createQuery(
                "select r.id from Redemption r where r.status = :pending and r.expiresAt <= :now order by r.expiresAt",
                UUID.class)
                .setParameter("pending", Redemption.Status.PENDING)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .getResultList();
    }

    /** Releases one hold past its timeout; false when it was captured or voided meanwhile. */
    @Transactional
    public boolean releaseExpired(UUID id) {
        Redemption unlocked = Redemption.findById(id);
        if (unlocked == null) {
            return false;
        }
        Ledger.Locks locks = ledger.lock(unlocked.accountId);
        Redemption redemption = lock(unlocked);
        if (redemption.status != Redemption.Status.PENDING || redemption.expiresAt.isAfter(clock.instant())) {
            return false;
        }
        release(locks, redemption, Redemption.Status.EXPIRED);
        return true;
    }

    /** Releases every pending hold of an account (its customer was erased). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long releaseAll(Ledger.Locks locks, long accountId) {
        long released = 0;
        List<Redemption> pending = Redemption.list("accountId = ?1 and status = ?2", accountId, Redemption.Status.PENDING);
        for (Redemption redemption : pending) {
            entityManager.refresh(redemption, LockModeType.PESSIMISTIC_WRITE);
            if (redemption.status == Redemption.Status.PENDING) {
                release(locks, redemption, Redemption.Status.VOIDED);
                released += redemption.authorizedPoints;
            }
        }
        return released;
    }

    private long release(Ledger.Locks locks, Redemption redemption, Redemption.Status status) {
        Account account = locks.get(redemption.accountId);
        String step = status == Redemption.Status.EXPIRED ? ":expire" : ":void";
        LedgerTransaction transaction = ledger.post(locks, TransactionKind.VOID, "redemption:" + redemption.id + step,
                redemption.holdTransactionId,
                status == Redemption.Status.EXPIRED ? "Expired hold released" : "Hold voided",
                List.of(new Posting(ledger.systemAccount(AccountType.HOLDS), -redemption.authorizedPoints),
                        new Posting(account.id, redemption.authorizedPoints)));
        ledger.addLot(locks, account.id, transaction.id, redemption.authorizedPoints, redemption.restoreExpiresAt, null);
        account.held -= redemption.authorizedPoints;
        redemption.status = status;
        redemption.updatedAt = clock.instant();
        return transaction.id;
    }

    /**
     * Marks an unused, unexpired code as used by redemption {@code id} and returns it, in one
     * statement that also locks its row: a concurrent authorize with the same code waits, then finds
     * it used. Only authorize locks codes, and it locks the code before the account, so no lock cycle
     * can form. A refusal rolls the claim back with the rest of the transaction.
     */
    private RedemptionCode claim(String codeText, UUID id, Instant now) {
        List<?> claimed = entityManager.createNativeQuery("""
                update redemption_code set used_at = :now, redemption_id = :redemption
                where code = :code and used_at is null and revoked_at is null and expires_at > :now
                returning code, account_id, max_points, created_at, expires_at, used_at, redemption_id, revoked_at""",
                RedemptionCode.class)
                .setParameter("now", now)
                .setParameter("redemption", id)
                .setParameter("code", codeText)
                .getResultList();
        if (!claimed.isEmpty()) {
            return (RedemptionCode) claimed.get(0);
        }
        RedemptionCode code = RedemptionCode.findById(codeText);
        if (code == null) {
            throw new ProblemException(LoyaltyProblem.REDEMPTION_CODE_INVALID, "No such redemption code");
        }
        if (code.usedAt != null) {
            throw new ProblemException(LoyaltyProblem.REDEMPTION_CODE_USED, "This redemption code was already used");
        }
        if (code.revokedAt != null) {
            throw new ProblemException(LoyaltyProblem.REDEMPTION_CODE_REVOKED,
                    "The customer revoked this code; they can make a new one");
        }
        throw new ProblemException(LoyaltyProblem.REDEMPTION_CODE_EXPIRED, "This redemption code has expired");
    }

    private Redemption own(String partnerId, UUID id) {
        Redemption redemption = Redemption.findById(id);
        if (redemption == null || !redemption.partnerId.equals(partnerId)) {
            // Another partner's redemption answers as if it did not exist.
            throw new ProblemException(LoyaltyProblem.REDEMPTION_NOT_FOUND, "No such redemption");
        }
        return redemption;
    }

    private Redemption lock(Redemption redemption) {
        entityManager.refresh(redemption, LockModeType.PESSIMISTIC_WRITE);
        return redemption;
    }

    private Redemption lockPending(Redemption unlocked) {
        Redemption redemption = lock(unlocked);
        if (redemption.status != Redemption.Status.PENDING) {
            throw new ProblemException(LoyaltyProblem.REDEMPTION_NOT_PENDING,
                    "This redemption is already " + redemption.status).with("currentStatus", redemption.status.name());
        }
        if (!redemption.expiresAt.isAfter(clock.instant())) {
            throw new ProblemException(LoyaltyProblem.HOLD_EXPIRED, "The hold expired at " + redemption.expiresAt);
        }
        return redemption;
    }

    /**
     * The partner's view: its own reference for the customer, the member code only with the customer's consent
     * (read now, so a withdrawal applies from the next answer), neither once the account is closed.
     */
    private RedemptionView view(Redemption redemption, Account account, long transactionId) {
        String customerReference = null;
        String memberCode = null;
        if (account.isOpen()) {
            UUID customerId = UUID.fromString(account.ownerRef);
            customerReference = partnerReferences.of(redemption.partnerId, customerId);
            memberCode = consents.sharesWithPartners(customerId) ? account.memberCode : null;
        }
        return new RedemptionView(redemption.id, redemption.partnerId, customerReference, memberCode,
                redemption.partnerReference, redemption.statusAt(clock.instant()), redemption.authorizedPoints, redemption.capturedPoints,
                redemption.refundedPoints, redemption.expiresAt, redemption.createdAt, redemption.updatedAt,
                transactionId);
    }

    private String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }
}
