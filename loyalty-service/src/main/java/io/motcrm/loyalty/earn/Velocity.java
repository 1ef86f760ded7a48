package io.motcrm.loyalty.earn;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Points a customer earned per UTC day (purchases and partner earns), for the daily velocity limit.
 * Read and written under the customer account's lock.
 */
@ApplicationScoped
public class Velocity {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    public long earnedToday(long accountId) {
        List<?> rows = entityManager.createNativeQuery("select points from daily_earn where account_id = :account and day = :day")
                .setParameter("account", accountId)
                .setParameter("day", today())
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long accountId, long points) {
        if (points <= 0) {
            return;
        }
        entityManager.createNativeQuery("""
                insert into daily_earn (account_id, day, points) values (:account, :day, :points)
                on conflict (account_id, day) do update set points = daily_earn.points + excluded.points
                """)
                .setParameter("account", accountId)
                .setParameter("day", today())
                .setParameter("points", points)
                .executeUpdate();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
