package io.motcrm.customer.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.motcrm.customer.audience.AudienceConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled purge of personal data past its retention ({@link RetentionConfig}): access-log purposes
 * are replaced by a marker, old marketing contacts deleted. Idempotency records and outbox messages are
 * purged by the platform ({@code motcrm.idempotency.retention}, {@code motcrm.outbox.*-retention}).
 */
@ApplicationScoped
public class Retention {

    @Inject
    RetentionConfig config;

    @Inject
    AudienceConfig audience;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    /** What one purge changed. */
    public record Purged(int purposes, int marketingContacts) {
    }

    @Scheduled(every = "${motcrm.retention.purge-interval:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    @Transactional
    public Purged purge() {
        Instant now = clock.instant();
        int purposes = entityManager.createNativeQuery("""
                update profile_access set purpose = :expired
                where accessed_at < :before and purpose not in (:expired, :erased)""")
                .setParameter("expired", ProfileAccess.EXPIRED_PURPOSE)
                .setParameter("erased", ProfileAccess.ERASED_PURPOSE)
                .setParameter("before", now.minus(config.accessPurpose()))
                .executeUpdate();
        Duration contactsKept = max(config.marketingContacts(), audience.window());
        int contacts = entityManager.createNativeQuery("delete from marketing_contact where contacted_at < :before")
                .setParameter("before", now.minus(contactsKept))
                .executeUpdate();
        if (purposes + contacts > 0) {
            Log.infof("Retention: %d access-log purposes expired, %d marketing contacts deleted", purposes, contacts);
        }
        return new Purged(purposes, contacts);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
