package io.motcrm.loyalty.earn;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import io.motcrm.loyalty.ledger.Ledger.Posting;
import io.motcrm.loyalty.ledger.LedgerEntry;
import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.loyalty.ledger.TransactionKind;
import io.motcrm.loyalty.tier.Tiers;
import io.motcrm.platform.problem.ProblemException;

/** The referral bonus: the same points to referrer and referee, once per referee. */
@ApplicationScoped
public class Referrals {

    @Inject
    Ledger ledger;

    @Inject
    LoyaltyConfig config;

    @Inject
    Clock clock;

    @Inject
    Tiers tiers;

    @Inject
    EntityManager entityManager;

    @Transactional
    public ReferralRewarded reward(ReferralCompleted event) {
        if (event.referrerId().equals(event.refereeId())) {
            throw new ProblemException(LoyaltyProblem.SELF_REFERRAL, "The referrer and the referee are the same customer");
        }
        ledger.claim("referral:" + event.refereeId());
        Referral existing = Referral.findById(event.refereeId());
        if (existing != null) {
            if (!existing.referrerId.equals(event.referrerId()) || !existing.purchaseId.equals(event.purchaseId())) {
                throw new ProblemException(LoyaltyProblem.REFERRAL_CONFLICT,
                        "The referee was already rewarded for another referral");
            }
            return answer(existing, true);
        }
        // An erased side (no account any more, or never opened) gets nothing; the other still does.
        List<Long> sides = new ArrayList<>();
        for (UUID customer : List.of(event.referrerId(), event.refereeId())) {
            Long account = Account.customerAccountId(customer).orElse(null);
            if (account != null) {
                sides.add(account);
            } else if (!Erasure.erased(customer)) {
                throw notRegistered();
            }
        }
        Ledger.Locks locks = ledger.lock(sides.toArray(Long[]::new));
        long bonus = config.earn().referralBonus();
        List<Long> rewarded = new ArrayList<>();
        for (long account : sides) {
            if (locks.get(account).isOpen() && bonus > 0) {
                rewarded.add(account);
            }
        }
        Referral referral = new Referral();
        referral.refereeId = event.refereeId();
        referral.referrerId = event.referrerId();
        referral.purchaseId = event.purchaseId();
        referral.pointsEach = bonus;
        referral.recordedAt = clock.instant();
        if (!rewarded.isEmpty()) {
            List<Posting> postings = new ArrayList<>();
            postings.add(new Posting(ledger.systemAccount(AccountType.ISSUANCE), -bonus * rewarded.size()));
            rewarded.forEach(account -> postings.add(new Posting(account, bonus)));
            LedgerTransaction transaction = ledger.post(locks, TransactionKind.EARN, "referral:" + event.refereeId(),
                    null, "Referral bonus", postings);
            for (long account : rewarded) {
                ledger.addLot(locks, account, transaction.id, bonus, ledger.defaultExpiry(), null);
                tiers.upgradeIfDue(locks, account);
            }
            referral.transactionId = transaction.id;
        }
        referral.persist();
        return answer(referral, false);
    }

    private ProblemException notRegistered() {
        return new ProblemException(LoyaltyProblem.CUSTOMER_NOT_REGISTERED, "A side of the referral has no points account yet");
    }

    private ReferralRewarded answer(Referral referral, boolean duplicate) {
        long referrerPoints = 0;
        long refereePoints = 0;
        if (referral.transactionId != null) {
            Long referrer = Account.customerAccountId(referral.referrerId).orElse(null);
            Long referee = Account.customerAccountId(referral.refereeId).orElse(null);
            for (LedgerEntry entry : LedgerEntry.<LedgerEntry>list("transactionId", referral.transactionId)) {
                if (entry.accountId.equals(referrer)) {
                    referrerPoints = entry.amount;
                } else if (entry.accountId.equals(referee)) {
                    refereePoints = entry.amount;
                }
            }
        }
        return new ReferralRewarded(referral.referrerId, referral.refereeId, referrerPoints, refereePoints,
                referral.transactionId, duplicate);
    }
}
