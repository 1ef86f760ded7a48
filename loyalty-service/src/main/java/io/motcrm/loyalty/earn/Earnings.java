package io.motcrm.loyalty.earn;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.motcrm.loyalty.LoyaltyConfig;
import io.motcrm.loyalty.LoyaltyProblem;
import io.motcrm.loyalty.account.Erasure;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.AccountType;
import io.motcrm.loyalty.ledger.Ledger;
import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.loyalty.ledger.Lot;
import io.motcrm.loyalty.ledger.TransactionKind;
import io.motcrm.loyalty.tier.Tiers;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.logging.Log;

/** Points for purchases, and their reversal on returns. */
@ApplicationScoped
public class Earnings {

    @Inject
    Ledger ledger;

    @Inject
    LoyaltyConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Velocity velocity;

    @Inject
    Tiers tiers;

    private EarnRules rules;

    @PostConstruct
    void init() {
        LoyaltyConfig.Earn earn = config.earn();
        rules = new EarnRules(new EarnRules.Settings(earn.minorPerPoint(), earn.categoryMultiplierPercent(),
                earn.firstPurchaseBonusPercent(), earn.pointValueMinor(), config.velocity().maxPointsPerDay()));
    }

    /**
     * Earns points for a purchase: base points by the earn rules, plus the first-purchase bonus on the
     * customer's first purchase, capped by the daily velocity limit. The points stay locked until the
     * return window after the purchase has passed. A purchase already recorded is answered as it was.
     */
    @Transactional
    public PurchaseEarned recordPurchase(PurchaseRecorded event) {
        // The same purchase may arrive twice at once (a re-sent message under a new key), even for
        // different customers: the second waits here and then finds the first's record.
        ledger.claim("purchase:" + event.purchaseId());
        Long found = Account.customerAccountId(event.customerId()).orElse(null);
        if (found == null) {
            if (Erasure.erased(event.customerId())) {
                return PurchaseEarned.ofErasedCustomer(event.customerId(), event.purchaseId());
            }
            throw new ProblemException(LoyaltyProblem.CUSTOMER_NOT_REGISTERED, "No points account for this customer yet");
        }
        long accountId = found;
        long issuance = ledger.systemAccount(AccountType.ISSUANCE);
        long expiry = ledger.systemAccount(AccountType.EXPIRY);
        Ledger.Locks locks = ledger.lock(accountId);
        if (!locks.get(accountId).isOpen()) {
            // Erasure messages are not ordered with the customer's other events (docs/contracts.md).
            return PurchaseEarned.ofErasedCustomer(event.customerId(), event.purchaseId());
        }

        PurchaseEarn existing = PurchaseEarn.findById(event.purchaseId());
        if (existing != null) {
            if (!existing.customerId.equals(event.customerId()) || existing.totalMinor != event.totalMinor()) {
                throw new ProblemException(LoyaltyProblem.PURCHASE_CONFLICT,
                        "Purchase " + event.purchaseId() + " was recorded with another customer or total");
            }
            return answer(existing, true);
        }
        ledger.sweep(locks, accountId, expiry);

        Instant now = clock.instant();
        Account account = locks.get(accountId);
        boolean first = !PurchaseEarn.anyFor(event.customerId());
        EarnRules.Quote quote = quote(account, event.totalMinor(), event.lines(), first);
        EarnRules.Grant grant = rules.capByVelocity(quote, velocity.earnedToday(accountId));
        Instant lockedUntil = event.occurredAt().plus(config.lots().returnWindow());

        PurchaseEarn earn = new PurchaseEarn();
        earn.purchaseId = event.purchaseId();
        earn.customerId = event.customerId();
        earn.accountId = accountId;
        earn.totalMinor = event.totalMinor();
        earn.requestedPoints = quote.total();
        earn.grantedPoints = grant.total();
        earn.firstPurchaseBonus = grant.firstPurchaseBonus();
        earn.occurredAt = event.occurredAt();
        earn.recordedAt = now;
        if (grant.basePoints() > 0) {
            earn.earnTransactionId = ledger.credit(locks, accountId, issuance, TransactionKind.EARN,
                    "purchase:" + event.purchaseId(), "Points for a purchase", grant.basePoints(), lockedUntil).id;
        }
        if (grant.firstPurchaseBonus() > 0) {
            earn.bonusTransactionId = ledger.credit(locks, accountId, issuance, TransactionKind.EARN,
                    "first-purchase:" + event.customerId(), "First-purchase bonus", grant.firstPurchaseBonus(),
                    lockedUntil).id;
        }
        earn.persist();
        velocity.record(accountId, grant.total());
        if (grant.total() > 0) {
            tiers.upgradeIfDue(locks, accountId);
        }
        if (grant.withheld() > 0) {
            Log.infof("Velocity limit withheld %d points of purchase %s on account %d", grant.withheld(),
                    event.purchaseId(), accountId);
        }
        return answer(earn, false);
    }

    /**
     * Takes back points for a return, in proportion to the value returned, as a REVERSAL transaction
     * linked to the purchase's earn: first from the purchase's own lots, then from other available
     * points. Whatever the customer has already spent is not taken (the balance stays at or above
     * zero) and is reported as unrecovered.
     */
    @Transactional
    public ReturnReversed recordReturn(PurchaseReturned event) {
        PurchaseEarn unlocked = PurchaseEarn.findById(event.purchaseId());
        if (unlocked == null) {
            if (Erasure.erased(event.customerId())) {
                return ReturnReversed.ofErasedCustomer(event.customerId(), event.purchaseId(), event.returnId());
            }
            throw new ProblemException(LoyaltyProblem.PURCHASE_NOT_RECORDED,
                    "Purchase " + event.purchaseId() + " has not been recorded yet");
        }
        if (!unlocked.customerId.equals(event.customerId())) {
            throw new ProblemException(LoyaltyProblem.PURCHASE_CUSTOMER_MISMATCH,
                    "Purchase " + event.purchaseId() + " belongs to another customer");
        }
        long accountId = unlocked.accountId;
        long issuance = ledger.systemAccount(AccountType.ISSUANCE);
        long expiry = ledger.systemAccount(AccountType.EXPIRY);
        Ledger.Locks locks = ledger.lock(accountId);
        if (!locks.get(accountId).isOpen()) {
            return ReturnReversed.ofErasedCustomer(event.customerId(), event.purchaseId(), event.returnId());
        }
        PurchaseEarn earn = unlocked;
        entityManager.refresh(earn);

        PurchaseReturn existing = PurchaseReturn.findById(event.returnId());
        if (existing != null) {
            if (!existing.purchaseId.equals(event.purchaseId()) || existing.returnedMinor != event.returnedMinor()) {
                throw new ProblemException(LoyaltyProblem.RETURN_CONFLICT,
                        "Return " + event.returnId() + " was recorded with another purchase or value");
            }
            return answer(earn, existing, true);
        }
        if (earn.returnedMinor + event.returnedMinor() > earn.totalMinor) {
            throw new ProblemException(LoyaltyProblem.RETURN_EXCEEDS_PURCHASE,
                    "Returns would add up to more than the purchase total")
                    .with("totalMinor", earn.totalMinor)
                    .with("alreadyReturnedMinor", earn.returnedMinor);
        }
        ledger.sweep(locks, accountId, expiry);

        long points = EarnRules.reversalPoints(earn.grantedPoints, earn.totalMinor, earn.returnedMinor,
                event.returnedMinor(), earn.reversedPoints);
        Long reverses = earn.earnTransactionId != null ? earn.earnTransactionId : earn.bonusTransactionId;
        long taken = 0;
        Long transactionId = null;
        if (points > 0) {
            List<Lot> purchaseLots = new ArrayList<>();
            if (earn.earnTransactionId != null) {
                purchaseLots.addAll(Lot.ofTransaction(earn.earnTransactionId));
            }
            if (earn.bonusTransactionId != null) {
                purchaseLots.addAll(Lot.ofTransaction(earn.bonusTransactionId));
            }
            Ledger.Debit debit = ledger.debit(locks, accountId, issuance, TransactionKind.REVERSAL,
                    "return:" + event.returnId(), reverses, "Points taken back for a return", points, purchaseLots, true);
            taken = debit.points();
            transactionId = debit.transaction() == null ? null : debit.transaction().id;
        }
        earn.returnedMinor += event.returnedMinor();
        earn.reversedPoints += points;

        PurchaseReturn recorded = new PurchaseReturn();
        recorded.returnId = event.returnId();
        recorded.purchaseId = event.purchaseId();
        recorded.returnedMinor = event.returnedMinor();
        recorded.reversedPoints = taken;
        recorded.unrecoveredPoints = points - taken;
        recorded.transactionId = transactionId;
        recorded.recordedAt = clock.instant();
        recorded.persist();
        if (recorded.unrecoveredPoints > 0) {
            Log.infof("Return %s could not take back %d points of account %d (already spent)", event.returnId(),
                    recorded.unrecoveredPoints, accountId);
        }
        return answer(earn, recorded, false);
    }

    /** What the purchase would earn now, without booking anything (the dry run). */
    public EarnQuote dryRun(UUID customerId, EarnQuoteRequest request) {
        Account account = Account.findCustomer(customerId)
                .orElseThrow(() -> new ProblemException(LoyaltyProblem.ACCOUNT_NOT_FOUND, "This customer has no points account"));
        boolean first = !PurchaseEarn.anyFor(customerId);
        EarnRules.Quote quote = quote(account, request.totalMinor(), request.lines(), first);
        long earnedToday = velocity.earnedToday(account.id);
        EarnRules.Grant grant = rules.capByVelocity(quote, earnedToday);
        return new EarnQuote(customerId, account.tier, tiers.multiplierPercent(account.tier), grant.basePoints(),
                grant.firstPurchaseBonus(), grant.total(), grant.withheld(), earnedToday,
                config.velocity().maxPointsPerDay());
    }

    /** Base points with the account's tier multiplier, plus the first-purchase bonus. */
    private EarnRules.Quote quote(Account account, long totalMinor, List<PurchaseRecorded.Line> purchaseLines,
            boolean first) {
        List<EarnRules.Line> lines = new ArrayList<>();
        for (PurchaseRecorded.Line line : purchaseLines) {
            lines.add(new EarnRules.Line(line.category(), line.quantity(), line.unitPriceMinor()));
        }
        EarnRules.Quote quote = rules.quote(totalMinor, lines, first);
        long base = EarnRules.withMultiplier(quote.basePoints(), tiers.multiplierPercent(account.tier));
        return new EarnRules.Quote(base, quote.firstPurchaseBonus());
    }

    private PurchaseEarned answer(PurchaseEarn earn, boolean duplicate) {
        long base = earn.grantedPoints - earn.firstPurchaseBonus;
        long withheld = earn.requestedPoints - earn.grantedPoints;
        Instant lockedUntil = earn.occurredAt.plus(config.lots().returnWindow());
        return new PurchaseEarned(earn.customerId, earn.purchaseId, base, earn.firstPurchaseBonus, earn.grantedPoints,
                withheld, withheld > 0, lockedUntil, earn.earnTransactionId, earn.bonusTransactionId, duplicate, false);
    }

    private static ReturnReversed answer(PurchaseEarn earn, PurchaseReturn recorded, boolean duplicate) {
        Long reverses = recorded.transactionId == null ? null
                : LedgerTransaction.<LedgerTransaction>findByIdOptional(recorded.transactionId)
                        .map(t -> t.reversesTransactionId).orElse(null);
        return new ReturnReversed(earn.customerId, earn.purchaseId, recorded.returnId, recorded.reversedPoints,
                recorded.unrecoveredPoints, recorded.transactionId, reverses, duplicate, false);
    }
}
