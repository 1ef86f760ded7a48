package io.motcrm.loyalty.retention;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Deletes personal data past its retention ({@link RetentionConfig}). */
@ApplicationScoped
public class RetentionJob {

    /** What one run removed. */
    public record Purged(int codes, int redemptionCodes, int compensationReasons) {

        boolean any() {
            return codes + redemptionCodes + compensationReasons > 0;
        }
    }

    @Inject
    RetentionConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Scheduled(identity = "loyalty-retention", every = "${motcrm.retention.purge-every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Purged purged = purge();
        if (purged.any()) {
            Log.infof("Retention purge: %d one-time codes, %d redemptions' codes, %d compensation reasons",
                    purged.codes(), purged.redemptionCodes(), purged.compensationReasons());
        }
    }

    @Transactional
    public Purged purge() {
        Instant now = clock.instant();
        Instant codesBefore = now.minus(config.redemptionCodes());
        int codes = entityManager.createNativeQuery("delete from redemption_code where expires_at < :before")
                .setParameter("before", codesBefore).executeUpdate();
        int redemptionCodes = entityManager.createNativeQuery(
                "update redemption set code = null where code is not null and created_at < :before")
                .setParameter("before", codesBefore).executeUpdate();
        int reasons = entityManager.createNativeQuery(
                "update compensation set reason = null where reason is not null and granted_at < :before")
                .setParameter("before", now.minus(config.compensationReasons())).executeUpdate();
        return new Purged(codes, redemptionCodes, reasons);
    }
}
