package io.motcrm.loyalty.compensation;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.motcrm.loyalty.LoyaltyProblem;
import io.motcrm.loyalty.account.Erasure;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.AccountType;
import io.motcrm.loyalty.ledger.Ledger;
import io.motcrm.loyalty.ledger.TransactionKind;
import io.motcrm.platform.problem.ProblemException;

/** Compensation points granted by agents on cases, through feedback-service's outbox. */
@ApplicationScoped
public class Compensations {

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    /**
     * Grants the points once per case action: the same action again (under any key) is answered
     * with the first grant; the same action with other details is a 422.
     */
    @Transactional
    public CompensationGranted grant(CompensationRequest request) {
        ledger.claim("compensation:" + request.actionId());
        Long found = Account.customerAccountId(request.customerId()).orElse(null);
        if (found == null) {
            if (Erasure.erased(request.customerId())) {
                return erased(request);
            }
            throw new ProblemException(LoyaltyProblem.CUSTOMER_NOT_REGISTERED, "No points account for this customer yet");
        }
        long accountId = found;
        Compensation existing = Compensation.findById(request.actionId());
        if (existing != null) {
            if (!existing.accountId.equals(accountId) || !existing.caseId.equals(request.caseId())
                    || existing.points != request.points()) {
                throw new ProblemException(LoyaltyProblem.COMPENSATION_CONFLICT,
                        "Action " + request.actionId() + " was compensated with another customer, case or points");
            }
            return answer(existing, request.customerId(), true);
        }
        Ledger.Locks locks = ledger.lock(accountId);
        if (!locks.get(accountId).isOpen()) {
            return erased(request);
        }
        Compensation compensation = new Compensation();
        compensation.actionId = request.actionId();
        compensation.accountId = accountId;
        compensation.caseId = request.caseId();
        compensation.points = request.points();
        compensation.reason = request.reason();
        compensation.transactionId = ledger.credit(locks, accountId, ledger.systemAccount(AccountType.ISSUANCE),
                TransactionKind.COMPENSATION, "compensation:" + request.actionId(), "Compensation for case " + request.caseId(),
                request.points(), null).id;
        compensation.grantedAt = clock.instant();
        compensation.persist();
        return answer(compensation, request.customerId(), false);
    }

    /** The customer was erased: the grant is accepted and books nothing (docs/contracts.md). */
    private CompensationGranted erased(CompensationRequest request) {
        return new CompensationGranted(request.actionId(), request.customerId(), request.caseId(), 0, null,
                clock.instant(), false, true);
    }

    private static CompensationGranted answer(Compensation compensation, UUID customerId, boolean duplicate) {
        return new CompensationGranted(compensation.actionId, customerId, compensation.caseId, compensation.points,
                compensation.transactionId, compensation.grantedAt, duplicate, false);
    }
}
