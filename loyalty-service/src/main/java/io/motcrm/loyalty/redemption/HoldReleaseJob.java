package io.motcrm.loyalty.redemption;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Gives back the points of holds that a partner neither captured nor voided in time. */
@ApplicationScoped
public class HoldReleaseJob {

    private static final int BATCH = 200;

    @Inject
    Redemptions redemptions;

    @Scheduled(identity = "loyalty-hold-release", every = "${motcrm.loyalty.redemption.release-every:1m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int released = releaseExpired();
        if (released > 0) {
            Log.infof("Released %d expired holds", released);
        }
    }

    /** Releases every hold past its timeout, each in its own transaction. */
    public int releaseExpired() {
        int released = 0;
        while (true) {
            List<UUID> due = QuarkusTransaction.requiringNew().call(() -> redemptions.expiredHolds(BATCH));
            int releasedThisRound = 0;
            for (UUID id : due) {
                try {
                    if (redemptions.releaseExpired(id)) {
                        releasedThisRound++;
                    }
                } catch (RuntimeException e) {
                    Log.errorf(e, "Releasing expired hold %s failed", id);
                }
            }
            released += releasedThisRound;
            if (due.size() < BATCH || releasedThisRound == 0) {
                return released;
            }
        }
    }
}
