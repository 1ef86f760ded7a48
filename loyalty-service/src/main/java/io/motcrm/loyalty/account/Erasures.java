package io.motcrm.loyalty.account;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.motcrm.loyalty.consent.Consents;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.AccountType;
import io.motcrm.loyalty.ledger.Ledger;
import io.motcrm.loyalty.ledger.Lot;
import io.motcrm.loyalty.ledger.TransactionKind;
import io.motcrm.loyalty.redemption.Redemptions;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.idempotency.IdempotencyConfig;
import io.motcrm.platform.outbox.Outbox;

/**
 * Erases a customer from the points programme, all in the request's transaction (customer-service counts the
 * erasure complete once this answers):
 * <ul>
 * <li>the account: pending holds go back, then everything left (locked lots too) moves to the FORFEIT account,
 * the member code is removed and the account closed. Entries, lots, partner movements, donations and purchase
 * totals stay for the books with ids and amounts only, so the ledger still balances;</li>
 * <li>what people wrote: compensation reasons, and a spend's own reference and description (redacted in
 * place, {@code erased:<id>});</li>
 * <li>one-time codes, used or not, and the code each redemption was made with;</li>
 * <li>the {@code partner_sharing} consent (so partners get neither the member code nor a reference);</li>
 * <li>stored idempotent answers mentioning the customer, their member code, recent redemptions or codes,
 * whoever asked; and the free-text purpose of staff reads still in the outbox.</li>
 * </ul>
 * The customer id stays, as the key of the erasure record that makes later events book nothing, and inside
 * references of the ledger. A second delivery goes through the same steps, finds nothing left and changes
 * nothing (it also completes an erasure made before these steps existed).
 */
@ApplicationScoped
public class Erasures {

    /** What a spend's description becomes once its customer is erased. */
    static final String ERASED_SPEND = "Points spent";

    @Inject
    Ledger ledger;

    @Inject
    Redemptions redemptions;

    @Inject
    Consents consents;

    @Inject
    Idempotency idempotency;

    @Inject
    IdempotencyConfig idempotencyConfig;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Transactional
    public AccountErased erase(CustomerErased event) {
        UUID customerId = event.customerId();
        ledger.claim("customer:" + customerId);
        Erasure existing = Erasure.findById(customerId);
        Long accountId = existing != null ? existing.accountId : Account.customerAccountId(customerId).orElse(null);
        Set<String> mentions = mentions(customerId, accountId);
        if (accountId != null) {
            // Codes go first, before the account is locked: authorize locks a code before the account, so taking
            // them in the other order here could deadlock with it.
            entityManager.createQuery("delete from RedemptionCode c where c.accountId = :account")
                    .setParameter("account", accountId).executeUpdate();
        }
        AccountErased answer = existing != null
                ? new AccountErased(customerId, existing.erasureId, existing.accountId != null, 0, existing.forfeitedPoints, true)
                : close(event, accountId);
        if (accountId != null) {
            forgetTexts(accountId);
        }
        consents.forget(customerId);
        idempotency.forgetMentioning(mentions);
        outbox.redactMentioning(customerId.toString(), List.of("purpose"));
        return answer;
    }

    private AccountErased close(CustomerErased event, Long accountId) {
        long released = 0;
        long forfeited = 0;
        if (accountId != null) {
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
        Erasure erasure = new Erasure();
        erasure.customerId = event.customerId();
        erasure.erasureId = event.erasureId();
        erasure.erasedAt = event.erasedAt();
        erasure.recordedAt = clock.instant();
        erasure.accountId = accountId;
        erasure.forfeitedPoints = forfeited;
        erasure.persist();
        return new AccountErased(event.customerId(), event.erasureId(), accountId != null, released, forfeited, false);
    }

    /**
     * What stored idempotent answers about the customer can contain. Every answer of a customer's, staff's or
     * service's request names the customer id; a partner's names the member code (an earn) or the redemption
     * (authorize, capture, void, refund). Only answers young enough to be still stored matter.
     */
    private Set<String> mentions(UUID customerId, Long accountId) {
        Set<String> mentions = new LinkedHashSet<>();
        mentions.add(customerId.toString());
        if (accountId == null) {
            return mentions;
        }
        Instant since = clock.instant().minus(idempotencyConfig.retention().multipliedBy(2));
        String memberCode = entityManager.createQuery("select a.memberCode from Account a where a.id = :account", String.class)
                .setParameter("account", accountId).getSingleResult();
        if (memberCode != null) {
            mentions.add(memberCode);
        }
        mentions.addAll(entityManager.createQuery(
                "select cast(r.id as String) from Redemption r where r.accountId = :account and r.updatedAt >= :since",
                String.class).setParameter("account", accountId).setParameter("since", since).getResultList());
        mentions.addAll(entityManager.createQuery(
                "select c.code from RedemptionCode c where c.accountId = :account and c.createdAt >= :since", String.class)
                .setParameter("account", accountId).setParameter("since", since).getResultList());
        return mentions;
    }

    /** Removes what people wrote about the customer and the codes they used, keeping ids and amounts. */
    private void forgetTexts(long accountId) {
        entityManager.createNativeQuery("update compensation set reason = null where account_id = :account and reason is not null")
                .setParameter("account", accountId).executeUpdate();
        entityManager.createNativeQuery("update redemption set code = null where account_id = :account and code is not null")
                .setParameter("account", accountId).executeUpdate();
        // The only texts in the ledger that someone wrote: a spend's reference and description.
        entityManager.createNativeQuery("""
                update ledger_transaction t set reference = 'erased:' || t.id, description = :description
                where t.kind = 'SPEND' and t.reference <> 'erased:' || t.id
                  and t.id in (select e.transaction_id from ledger_entry e where e.account_id = :account)""")
                .setParameter("description", ERASED_SPEND).setParameter("account", accountId).executeUpdate();
    }
}
