package io.motcrm.loyalty.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.loyalty.LoyaltyConfig;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.AccountType;
import io.motcrm.loyalty.ledger.Ledger;
import io.motcrm.loyalty.ledger.Lot;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Books what time does to lots: points past their expiry move to the EXPIRY account as EXPIRE
 * transactions, and lots whose return window has passed become spendable. Each account is handled
 * in its own short transaction under its lock; writes on an account do the same for it first, so a
 * late run never lets expired or locked points be spent.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final int MAX_BATCHES_PER_RUN = 20;

    @Inject
    Ledger ledger;

    @Inject
    LoyaltyConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "loyalty-lot-sweep", every = "${motcrm.loyalty.sweep.every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result result = sweepDue();
        if (result.accounts() > 0) {
            Log.infof("Lot sweep: %d accounts, %d points expired, %d accounts failed", result.accounts(),
                    result.expiredPoints(), result.failed());
        }
    }

    public record Result(int accounts, long expiredPoints, int failed) {
    }

    /** Sweeps every account with a lot due now. */
    public Result sweepDue() {
        int accounts = 0;
        int failed = 0;
        long expired = 0;
        int batch = config.sweep().batchSize();
        for (int round = 0; round < MAX_BATCHES_PER_RUN; round++) {
            Instant now = clock.instant();
            List<Long> due = QuarkusTransaction.requiringNew().call(() -> Lot.accountsDue(now, batch));
            int failedThisRound = 0;
            for (Long accountId : due) {
                try {
                    expired += QuarkusTransaction.requiringNew().call(() -> {
                        long expiry = ledger.systemAccount(AccountType.EXPIRY);
                        return ledger.sweep(ledger.lock(accountId), accountId, expiry);
                    });
                    accounts++;
                } catch (RuntimeException e) {
                    failed++;
                    failedThisRound++;
                    Log.errorf(e, "Lot sweep failed for account %d", accountId);
                }
            }
            if (due.size() < batch || failedThisRound == due.size()) {
                break;
            }
        }
        return new Result(accounts, expired, failed);
    }
}
