package io.motcrm.loyalty.partner;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.motcrm.loyalty.Cursors;
import io.motcrm.loyalty.LoyaltyConfig;
import io.motcrm.loyalty.LoyaltyProblem;
import io.motcrm.loyalty.earn.EarnRules;
import io.motcrm.loyalty.earn.Velocity;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.AccountType;
import io.motcrm.loyalty.ledger.Ledger;
import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.loyalty.ledger.TransactionKind;
import io.motcrm.loyalty.tier.Tiers;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;

/** Partner companies: registration, partner earns and monthly settlements. */
@ApplicationScoped
public class Partners {

    private final Map<String, Long> settlementAccounts = new ConcurrentHashMap<>();

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Velocity velocity;

    @Inject
    Tiers tiers;

    @Inject
    LoyaltyConfig config;

    @Transactional
    public PartnerView create(PartnerRequest request) {
        ledger.claim("partner:" + request.id());
        if (Partner.find(request.id()).isPresent()) {
            throw new ProblemException(LoyaltyProblem.PARTNER_EXISTS, "Partner '" + request.id() + "' already exists");
        }
        Instant now = clock.instant();
        Account account = new Account();
        account.type = AccountType.PARTNER_SETTLEMENT;
        account.ownerRef = request.id();
        account.status = Account.Status.OPEN;
        account.createdAt = now;
        account.updatedAt = now;
        account.persist();
        Partner partner = new Partner();
        partner.id = request.id();
        partner.name = request.name();
        partner.pointValueMinor = request.pointValueMinor();
        partner.earnMinorPerPoint = request.earnMinorPerPoint();
        partner.status = request.status() == null ? Partner.Status.ACTIVE : request.status();
        partner.accountId = account.id;
        partner.createdAt = now;
        partner.updatedAt = now;
        partner.persist();
        return PartnerView.of(partner);
    }

    @Transactional
    public PartnerView update(String id, PartnerUpdate update) {
        Partner partner = require(id);
        partner.name = update.name();
        partner.pointValueMinor = update.pointValueMinor();
        partner.earnMinorPerPoint = update.earnMinorPerPoint();
        partner.status = update.status();
        partner.updatedAt = clock.instant();
        return PartnerView.of(partner);
    }

    public PartnerView get(String id) {
        return PartnerView.of(require(id));
    }

    public List<PartnerView> list() {
        return Partner.<Partner>listAll(Sort.by("id")).stream().map(PartnerView::of).toList();
    }

    /** The active partners, where customers can use and earn points, by id, a page at a time. */
    public PartnerOfferPage offers(String after, int limit) {
        String from = after == null ? "" : Cursors.decode(after, 1)[0];
        // Panache's range is inclusive: limit + 1 rows, the last only to tell whether another page follows.
        List<Partner> found = Partner.<Partner>find("status = ?1 and id > ?2 order by id", Partner.Status.ACTIVE, from)
                .range(0, limit).list();
        boolean more = found.size() > limit;
        List<Partner> page = more ? found.subList(0, limit) : found;
        return new PartnerOfferPage(page.stream().map(PartnerOffer::of).toList(),
                more ? Cursors.encode(page.get(page.size() - 1).id) : null);
    }

    public Partner require(String id) {
        return Partner.find(id).orElseThrow(() -> new ProblemException(LoyaltyProblem.PARTNER_NOT_FOUND,
                "No partner '" + id + "'"));
    }

    /**
     * The settlement account of a partner that exists: a partner's account never changes, so it is
     * remembered after the first lookup (captures and refunds need it on every call).
     */
    public long settlementAccount(String id) {
        return settlementAccounts.computeIfAbsent(id, partnerId -> require(partnerId).accountId);
    }

    /** The calling partner, which must exist and be active to redeem or earn. */
    public Partner active(String id) {
        Partner partner = Partner.find(id).orElse(null);
        if (partner == null || partner.status != Partner.Status.ACTIVE) {
            throw new ProblemException(LoyaltyProblem.PARTNER_NOT_ACTIVE, "This partner cannot redeem or earn points");
        }
        return partner;
    }

    /**
     * Points for a purchase at the partner's store: the amount at the partner's earn rate, with the
     * customer's tier multiplier, within the daily velocity limit; credited from the partner's
     * settlement account. The same reference from the same partner is booked once.
     */
    @Transactional
    public PartnerEarned earn(String partnerId, PartnerEarnRequest request) {
        Partner partner = active(partnerId);
        ledger.claim("partner-earn:" + partnerId + ":" + request.reference());
        Account found = Account.findByMemberCode(request.memberCode())
                .orElseThrow(() -> new ProblemException(LoyaltyProblem.ACCOUNT_NOT_FOUND, "No points account has this member code"));
        var existing = PartnerMovement.earn(partnerId, request.reference());
        if (existing.isPresent()) {
            PartnerMovement movement = existing.get();
            if (!movement.accountId.equals(found.id)) {
                throw new ProblemException(LoyaltyProblem.REFERENCE_USED,
                        "Points were already earned with reference '" + request.reference() + "'");
            }
            if (movement.amountMinor != null && movement.amountMinor.longValue() != request.amountMinor()) {
                // Another purchase under a reference already used, not a retry of the first one.
                throw new ProblemException(LoyaltyProblem.REFERENCE_USED, "Points were already earned with reference '"
                        + request.reference() + "' for another amount (" + movement.amountMinor + ")");
            }
            long amount = movement.amountMinor != null ? movement.amountMinor : request.amountMinor();
            return new PartnerEarned(partnerId, request.memberCode(), request.reference(), amount,
                    movement.points, 0, movement.transactionId, true);
        }
        Ledger.Locks locks = ledger.lock(found.id);
        Account account = locks.get(found.id);
        long base = EarnRules.withMultiplier(request.amountMinor() / partner.earnMinorPerPoint,
                tiers.multiplierPercent(account.tier));
        long allowance = Math.max(0, config.velocity().maxPointsPerDay() - velocity.earnedToday(account.id));
        long points = Math.min(base, allowance);
        Long transactionId = null;
        if (points > 0) {
            LedgerTransaction transaction = ledger.credit(locks, account.id, partner.accountId,
                    TransactionKind.EARN, "partner-earn:" + partnerId + ":" + request.reference(),
                    "Points earned at a partner", points, null);
            transactionId = transaction.id;
            record(partnerId, null, PartnerMovement.Kind.EARN, points, request.reference(), transaction.id, account.id,
                    request.amountMinor());
            velocity.record(account.id, points);
            tiers.upgradeIfDue(locks, account.id);
        }
        return new PartnerEarned(partnerId, request.memberCode(), request.reference(), request.amountMinor(), points,
                base - points, transactionId, false);
    }

    /** Writes a settlement line. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String partnerId, UUID redemptionId, PartnerMovement.Kind kind, long points,
            String reference, long transactionId, long accountId) {
        record(partnerId, redemptionId, kind, points, reference, transactionId, accountId, null);
    }

    /** Writes a settlement line; an earn's line keeps the purchase amount it was booked for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String partnerId, UUID redemptionId, PartnerMovement.Kind kind, long points,
            String reference, long transactionId, long accountId, Long amountMinor) {
        PartnerMovement movement = new PartnerMovement();
        movement.amountMinor = amountMinor;
        movement.partnerId = partnerId;
        movement.redemptionId = redemptionId;
        movement.kind = kind;
        movement.points = points;
        movement.reference = reference;
        movement.transactionId = transactionId;
        movement.accountId = accountId;
        movement.createdAt = clock.instant();
        movement.persist();
    }

    /**
     * A partner's settlement for a month: the totals over every line of the month on every page, and one page of the
     * lines in the order they were booked (keyset on time and id, {@code after} a cursor of the previous page).
     */
    public Settlement settlement(String partnerId, String month, String after, int limit) {
        Partner partner = require(partnerId);
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ProblemException(LoyaltyProblem.INVALID_MONTH, "'" + month + "' is not a month like 2026-11");
        }
        Instant from = yearMonth.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = yearMonth.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant afterAt = from;
        long afterId = 0;
        if (after != null) {
            String[] key = Cursors.decode(after, 2);
            afterAt = Cursors.part(key[0], Instant::parse);
            afterId = Cursors.part(key[1], Long::parseLong);
        }
        long captured = 0;
        long refunded = 0;
        long earned = 0;
        long lineCount = 0;
        List<Object[]> totals = entityManager.createQuery("""
                select m.kind, sum(m.points), count(m) from PartnerMovement m
                where m.partnerId = :partner and m.createdAt >= :from and m.createdAt < :to
                group by m.kind
                """, Object[].class)
                .setParameter("partner", partnerId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        for (Object[] total : totals) {
            long points = ((Number) total[1]).longValue();
            switch ((PartnerMovement.Kind) total[0]) {
                case CAPTURE -> captured = points;
                case REFUND -> refunded = points;
                case EARN -> earned = points;
            }
            lineCount += ((Number) total[2]).longValue();
        }
        // One more than asked, only to tell whether another page follows.
        List<PartnerMovement> found = PartnerMovement.<PartnerMovement>find("""
                partnerId = ?1 and createdAt >= ?2 and createdAt < ?3 and (createdAt > ?4 or (createdAt = ?4 and id > ?5))
                order by createdAt, id""", partnerId, from, to, afterAt, afterId).range(0, limit).list();
        boolean more = found.size() > limit;
        List<PartnerMovement> page = more ? found.subList(0, limit) : found;
        List<Settlement.Line> lines = new ArrayList<>();
        for (PartnerMovement movement : page) {
            lines.add(new Settlement.Line(movement.kind, movement.redemptionId, movement.reference, movement.points,
                    Math.multiplyExact(movement.points, partner.pointValueMinor), movement.transactionId,
                    movement.createdAt));
        }
        PartnerMovement last = more ? page.get(page.size() - 1) : null;
        long redeemed = captured - refunded;
        long redeemedValue = Math.multiplyExact(redeemed, partner.pointValueMinor);
        long earnedValue = Math.multiplyExact(earned, partner.pointValueMinor);
        return new Settlement(partnerId, yearMonth.toString(), from, to, partner.pointValueMinor, captured, refunded,
                redeemed, earned, redeemedValue, earnedValue, redeemedValue - earnedValue, lines, lineCount,
                last == null ? null : Cursors.encode(last.createdAt, last.id));
    }
}
