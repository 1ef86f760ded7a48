package io.motcrm.loyalty.account;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.AccountType;
import io.motcrm.loyalty.ledger.Ledger;
import io.motcrm.loyalty.ledger.Lot;
import io.motcrm.loyalty.ledger.TransactionKind;
import io.motcrm.loyalty.redemption.Redemptions;

/**
 * Closes and anonymises an erased customer's account: pending holds go back, then everything left
 * (locked lots included) moves to the FORFEIT account, unused redemption codes are deleted, the
 * member code is removed and the account is closed. The ledger keeps its entries (they name an
 * account id, not a person), so it still balances.
 */
@ApplicationScoped
public class Erasures {

    @Inject
    Ledger ledger;

    @Inject
    Redemptions redemptions;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Transactional
    public AccountErased erase(CustomerErased event) {
        ledger.claim("customer:" + event.customerId());
        Erasure existing = Erasure.findById(event.customerId());
        if (existing != null) {
            return new AccountErased(event.customerId(), existing.erasureId, existing.accountId != null, 0,
                    existing.forfeitedPoints, true);
        }
        Erasure erasure = new Erasure();
        erasure.customerId = event.customerId();
        erasure.erasureId = event.erasureId();
        erasure.erasedAt = event.erasedAt();
        erasure.recordedAt = clock.instant();
        Long accountId = Account.customerAccountId(event.customerId()).orElse(null);
        long released = 0;
        long forfeited = 0;
        if (accountId != null) {
            // Unused codes go first, before the account is locked: authorize locks a code before the
            // account, so taking them in the other order here could deadlock with it.
            entityManager.createQuery("delete from RedemptionCode c where c.accountId = :account and c.usedAt is null")
                    .setParameter("account", accountId).executeUpdate();
            Ledger.Locks locks = ledger.lock(accountId);
            Account account = locks.get(accountId);
            if (account.isOpen()) {
                released = redemptions.releaseAll(locks, accountId);
                ledger.sweep(locks, accountId, ledger.systemAccount(AccountType.EXPIRY));
                if (account.posted > 0) {
                    List<Lot> all = Lot.list("accountId = ?1 and remaining > 0 order by expiresAt, id", accountId);
                    forfeited = ledger.debit(locks, accountId, ledger.systemAccount(AccountType.FORFEIT),
                            TransactionKind.FORFEIT, "erasure:" + event.customerId(), null,
                            "Account closed: customer erased", account.posted, all, false).points();
                }
                account.memberCode = null;
                account.status = Account.Status.CLOSED;
                account.updatedAt = clock.instant();
            }
        }
        erasure.accountId = accountId;
        erasure.forfeitedPoints = forfeited;
        erasure.persist();
        return new AccountErased(event.customerId(), event.erasureId(), accountId != null, released, forfeited, false);
    }
}
