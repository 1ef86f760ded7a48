package io.motcrm.customer.insight;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.customer.profile.Customer;
import io.motcrm.customer.profile.CustomerStatus;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Computes each active customer's insight in SQL:
 * <ul>
 * <li><b>RFM</b>: {@code ntile(5)} over the active customers with at least one purchase, ordered by
 * last purchase time (recency), number of purchases (frequency) and net spend (monetary); 5 is best.
 * Ties are split by customer id. The full recomputation scores everyone and keeps the ranking's
 * boundaries ({@code rfm_boundary}: the first (value, customer id) of each quintile on each dimension).
 * A purchase or return scores its own customer at once against those boundaries: their score is the
 * quintile their current (value, id) falls in, i.e. where the last full ranking would have put them with
 * their figures of now; for a customer whose figures did not change it is exactly their full-run score.
 * Everyone else's scores, and the boundaries, move only with the next full run, so quintile sizes drift
 * a little in between. While the kept ranking counted fewer than {@code rfm-rerank-below} buyers (a young
 * system, or none ranked yet) the boundaries are first re-ranked from everyone's current figures, which
 * the purchases and returns keep up to date in {@code customer_insight}, so early scores are not made
 * against a ranking of a handful. With no ranking at all the scores stay null.</li>
 * <li><b>Lifecycle stage</b>, first match: no purchase → prospect; last purchase at least
 * {@code lapsed-after} ago → lapsed; at least {@code at-risk-after} ago → at risk; at least
 * {@code loyal-min-purchases} purchases → loyal; at least {@code repeat-min-purchases} → repeat;
 * otherwise first purchase. A fully returned purchase does not count.</li>
 * <li><b>Top categories</b>: the {@code top-categories} categories with the highest net spend.</li>
 * <li><b>Lifetime value</b> (minor units): {@value #CLV_FORMULA}</li>
 * </ul>
 * The full recomputation runs on a schedule and on demand; a customer's own row is refreshed, RFM scores
 * included, in the transaction of each purchase or return, so nothing of theirs is stale.
 */
@ApplicationScoped
public class Insights {

    public static final String CLV_FORMULA = "CLV = N + w × N × Y / T, where N is the net spend so far (purchases minus "
            + "returns), T the customer's tenure in years since the first purchase but at least clv-min-tenure (365 "
            + "days by default), Y the projection in years (clv-projection-years, 3), and w the stage weight: 1 for "
            + "first_purchase, repeat and loyal, clv-at-risk-weight (0.5) for at_risk, 0 for lapsed and prospect. "
            + "N/T is the customer's yearly spending rate, so CLV is what they spent plus what they are expected to "
            + "spend in the next Y years.";

    /** Serialises full recomputations and re-rankings across replicas. */
    private static final long LOCK = 0x6d6f74637273_01L;

    private static final String ALL = "";
    private static final String ONE = " and c.id = :customer";

    private static final String RFM_ALL = """
            select customer_id,
                   ntile(5) over (order by last_at, customer_id) as r,
                   ntile(5) over (order by purchases, customer_id) as f,
                   ntile(5) over (order by net_spend, customer_id) as m
            from stats where purchases > 0""";
    private static final String RFM_KEPT = """
            select customer_id, recency_score as r, frequency_score as f, monetary_score as m
            from customer_insight where customer_id = :customer""";

    private static final String RECOMPUTE = """
            with stats as (
                select c.id as customer_id,
                       count(p.id) filter (where p.total_minor = 0 or p.returned_minor < p.total_minor) as purchases,
                       coalesce(sum(p.total_minor - p.returned_minor), 0) as net_spend,
                       min(p.occurred_at) filter (where p.total_minor = 0 or p.returned_minor < p.total_minor) as first_at,
                       max(p.occurred_at) filter (where p.total_minor = 0 or p.returned_minor < p.total_minor) as last_at
                from customer c left join purchase p on p.customer_id = c.id
                where c.status = 'ACTIVE' %1$s
                group by c.id
            ),
            rfm as (%2$s),
            categories as (
                select customer_id, jsonb_agg(category order by rank) as top
                from (select p.customer_id, l.category,
                             row_number() over (partition by p.customer_id
                                                order by sum((l.quantity - l.returned_quantity) * l.unit_price_minor) desc,
                                                         l.category) as rank
                      from customer c
                      join purchase p on p.customer_id = c.id
                      join purchase_line l on l.purchase_id = p.id
                      where c.status = 'ACTIVE' and l.quantity > l.returned_quantity %1$s
                      group by p.customer_id, l.category) ranked
                where rank <= :top
                group by customer_id
            ),
            staged as (
                select s.*, case
                           when s.purchases = 0 then 'PROSPECT'
                           when s.last_at <= :lapsedBefore then 'LAPSED'
                           when s.last_at <= :atRiskBefore then 'AT_RISK'
                           when s.purchases >= :loyalMin then 'LOYAL'
                           when s.purchases >= :repeatMin then 'REPEAT'
                           else 'FIRST_PURCHASE' end as stage
                from stats s
            )
            insert into customer_insight (customer_id, recency_score, frequency_score, monetary_score, lifecycle_stage,
                                          purchase_count, net_spend_minor, first_purchase_at, last_purchase_at,
                                          lifetime_value_minor, top_categories, computed_at)
            select st.customer_id, rfm.r, rfm.f, rfm.m, st.stage, st.purchases, st.net_spend, st.first_at, st.last_at,
                   st.net_spend + cast(round(st.net_spend * :years
                       * (case st.stage when 'LAPSED' then 0 when 'PROSPECT' then 0 when 'AT_RISK' then :atRiskWeight else 1 end)
                       * 365.0 / greatest(extract(epoch from (cast(:now as timestamptz) - st.first_at)) / 86400.0, :minTenureDays))
                       as bigint),
                   coalesce(cat.top, cast('[]' as jsonb)), :now
            from staged st
            left join rfm on rfm.customer_id = st.customer_id
            left join categories cat on cat.customer_id = st.customer_id
            on conflict (customer_id) do update set
                recency_score = excluded.recency_score, frequency_score = excluded.frequency_score,
                monetary_score = excluded.monetary_score, lifecycle_stage = excluded.lifecycle_stage,
                purchase_count = excluded.purchase_count, net_spend_minor = excluded.net_spend_minor,
                first_purchase_at = excluded.first_purchase_at, last_purchase_at = excluded.last_purchase_at,
                lifetime_value_minor = excluded.lifetime_value_minor, top_categories = excluded.top_categories,
                computed_at = excluded.computed_at
            """;

    /** Keeps the ranking of customer_insight's current figures, the order the full run scores in. */
    private static final String RANK = """
            with ranked as (
                select customer_id, last_purchase_at, purchase_count, net_spend_minor,
                       ntile(5) over (order by last_purchase_at, customer_id) as r,
                       ntile(5) over (order by purchase_count, customer_id) as f,
                       ntile(5) over (order by net_spend_minor, customer_id) as m,
                       count(*) over () as population
                from customer_insight where purchase_count > 0
            ),
            r as (select distinct on (r) r as score, last_purchase_at as v, customer_id as id, population
                  from ranked order by r, last_purchase_at, customer_id),
            f as (select distinct on (f) f as score, purchase_count as v, customer_id as id
                  from ranked order by f, purchase_count, customer_id),
            m as (select distinct on (m) m as score, net_spend_minor as v, customer_id as id
                  from ranked order by m, net_spend_minor, customer_id)
            insert into rfm_boundary (score, recency_at, recency_customer, frequency, frequency_customer,
                                      monetary_minor, monetary_customer, population, ranked_at)
            select r.score, r.v, r.id, f.v, f.id, m.v, m.id, r.population, :now
            from r join f on f.score = r.score join m on m.score = r.score
            """;

    /**
     * The quintile each customer's current (value, id) falls in under the kept ranking: the number of
     * quintiles whose first member it does not precede (at least 1); null without purchases or ranking.
     */
    static final String SCORES = """
            select i.customer_id,
                   case when i.purchase_count > 0 and exists (select 1 from rfm_boundary) then greatest(1,
                       (select count(*) from rfm_boundary b
                        where (i.last_purchase_at, i.customer_id) >= (b.recency_at, b.recency_customer))) end as r,
                   case when i.purchase_count > 0 and exists (select 1 from rfm_boundary) then greatest(1,
                       (select count(*) from rfm_boundary b
                        where (i.purchase_count, i.customer_id) >= (b.frequency, b.frequency_customer))) end as f,
                   case when i.purchase_count > 0 and exists (select 1 from rfm_boundary) then greatest(1,
                       (select count(*) from rfm_boundary b
                        where (i.net_spend_minor, i.customer_id) >= (b.monetary_minor, b.monetary_customer))) end as m
            from customer_insight i""";

    private static final String SCORE_ONE = "update customer_insight i set recency_score = s.r, frequency_score = s.f, "
            + "monetary_score = s.m from (" + SCORES + " where i.customer_id = :customer) s "
            + "where i.customer_id = s.customer_id";

    @Inject
    EntityManager entityManager;

    @Inject
    InsightConfig config;

    @Inject
    Clock clock;

    /** The outcome of a full recomputation. */
    public record Recomputed(int customers, long tookMillis, Instant computedAt) {
    }

    /** Recomputes every active customer, RFM included; skipped (null) while another replica runs it. */
    @Transactional
    public Recomputed recomputeAll() {
        if (!tryLock()) {
            return null;
        }
        long started = System.nanoTime();
        Instant now = now();
        int customers = bind(entityManager.createNativeQuery(RECOMPUTE.formatted(ALL, RFM_ALL)), now).executeUpdate();
        entityManager.createNativeQuery("""
                delete from customer_insight i using customer c where c.id = i.customer_id and c.status <> 'ACTIVE'
                """).executeUpdate();
        rank(now);
        long took = (System.nanoTime() - started) / 1_000_000;
        Log.infof("Insight recomputed for %d customers in %d ms", customers, took);
        return new Recomputed(customers, took, now);
    }

    @Scheduled(every = "${motcrm.insight.schedule:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRecompute() {
        recomputeAll();
    }

    /**
     * Refreshes one customer's insight with their purchases: stage, value, categories and figures, and
     * their RFM scores against the kept ranking (re-ranked first while it counted fewer than
     * {@code rfm-rerank-below} buyers and no full run holds the lock).
     */
    @Transactional
    public void refresh(UUID customerId) {
        Instant now = now();
        bind(entityManager.createNativeQuery(RECOMPUTE.formatted(ONE, RFM_KEPT)), now)
                .setParameter("customer", customerId).executeUpdate();
        if (rankedPopulation() < config.rfmRerankBelow() && tryLock()) {
            rank(now);
        }
        entityManager.createNativeQuery(SCORE_ONE).setParameter("customer", customerId).executeUpdate();
    }

    private long rankedPopulation() {
        Number population = (Number) entityManager
                .createNativeQuery("select coalesce(max(population), 0) from rfm_boundary").getSingleResult();
        return population.longValue();
    }

    private boolean tryLock() {
        return Boolean.TRUE.equals(entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", LOCK).getSingleResult());
    }

    /** Replaces the kept ranking by one of everyone's current figures; the caller holds the lock. */
    private void rank(Instant now) {
        entityManager.createNativeQuery("delete from rfm_boundary").executeUpdate();
        entityManager.createNativeQuery(RANK).setParameter("now", now).executeUpdate();
    }

    /** The insight of an active customer, computed now if it never was. */
    @Transactional
    public InsightView get(UUID customerId) {
        Customer customer = Customer.findById(customerId);
        if (customer == null || customer.status != CustomerStatus.ACTIVE) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No active customer " + customerId);
        }
        CustomerInsight insight = CustomerInsight.findById(customerId);
        if (insight == null) {
            refresh(customerId);
            insight = CustomerInsight.findById(customerId);
        }
        return InsightView.of(insight);
    }

    /** For the export: the insight held, if any. */
    public InsightView find(UUID customerId) {
        CustomerInsight insight = CustomerInsight.findById(customerId);
        return insight == null ? null : InsightView.of(insight);
    }

    private Query bind(Query query, Instant now) {
        return query.setParameter("now", now)
                .setParameter("top", config.topCategories())
                .setParameter("lapsedBefore", now.minus(config.lapsedAfter()))
                .setParameter("atRiskBefore", now.minus(config.atRiskAfter()))
                .setParameter("loyalMin", config.loyalMinPurchases())
                .setParameter("repeatMin", config.repeatMinPurchases())
                .setParameter("years", config.clvProjectionYears())
                .setParameter("atRiskWeight", config.clvAtRiskWeight())
                .setParameter("minTenureDays", config.clvMinTenure().toSeconds() / 86400.0);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
