package io.motcrm.feedback.analytics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * MOT analytics for a period, aggregated in PostgreSQL in one statement: feedback figures by
 * submission time, case figures (SLA, response and resolution times, reopen rate, recovery) by the
 * cases' opening time. Reads use the (submitted_at) / (touchpoint_id, submitted_at) and (opened_at) indexes.
 */
@ApplicationScoped
public class MotAnalytics {

    /** People a detractor tells about a bad experience: the seeds' 10 to 15. */
    static final int WORD_OF_MOUTH_LOW = 10;
    static final int WORD_OF_MOUTH_HIGH = 15;
    static final int WORST_MOMENTS = 5;

    private static final String QUERY = """
            with fb as (
                select %1$s as grp,
                       count(*) as volume,
                       avg(f.csat) as avg_csat,
                       count(f.nps) as nps_responses,
                       count(*) filter (where f.nps >= 9) as promoters,
                       count(*) filter (where f.nps <= 6) as nps_detractors,
                       count(*) filter (where f.nps <= 6 or f.csat <= 2) as detractors,
                       count(*) filter (where f.type = 'COMPLAINT') as complaints
                from feedback f join touchpoint t on t.id = f.touchpoint_id
                where f.submitted_at >= :from and f.submitted_at < :to
                group by 1
            ), cs as (
                select %2$s as grp,
                       count(*) as cases,
                       count(*) filter (where c.first_response_breached or c.resolution_breached) as breached,
                       count(*) filter (where c.resolution_seconds is not null or c.first_response_breached
                                        or c.resolution_breached) as sla_settled,
                       percentile_cont(0.5) within group (order by c.first_response_seconds) as median_first_response,
                       percentile_cont(0.5) within group (order by c.resolution_seconds) as median_resolution,
                       count(*) filter (where c.resolution_seconds is not null) as resolved,
                       count(*) filter (where c.reopen_count > 0) as reopened,
                       avg(c.recovery_csat) as recovery_csat,
                       count(c.recovery_csat) as recovery_responses
                from support_case c
                join touchpoint t on t.id = c.touchpoint_id
                where c.opened_at >= :from and c.opened_at < :to
                group by 1
            )
            select coalesce(fb.grp, cs.grp), coalesce(fb.volume, 0), fb.avg_csat, coalesce(fb.nps_responses, 0),
                   coalesce(fb.promoters, 0), coalesce(fb.nps_detractors, 0), coalesce(fb.detractors, 0),
                   coalesce(fb.complaints, 0), coalesce(cs.cases, 0), coalesce(cs.breached, 0),
                   coalesce(cs.sla_settled, 0), cs.median_first_response, cs.median_resolution,
                   coalesce(cs.resolved, 0), coalesce(cs.reopened, 0), cs.recovery_csat, coalesce(cs.recovery_responses, 0)
            from fb full join cs on cs.grp = fb.grp
            """;

    @Inject
    EntityManager entityManager;

    public MotReport report(Instant from, Instant to, GroupBy groupBy) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(QUERY.formatted(groupBy.feedbackKey, groupBy.caseKey))
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        List<MotReport.Row> result = rows.stream().map(MotAnalytics::row)
                .sorted(WORST_FIRST)
                .toList();
        List<MotReport.WorstMoment> worst = result.stream().filter(r -> r.volume() > 0).limit(WORST_MOMENTS)
                .map(r -> new MotReport.WorstMoment(r.key(), r.nps(), r.complaintRate(), r.detractors(), r.wordOfMouth()))
                .toList();
        return new MotReport(from, to, groupBy, result, worst);
    }

    /** Worst first: lowest NPS, then highest complaint rate, then most detractors; groups without NPS last. */
    static final Comparator<MotReport.Row> WORST_FIRST = Comparator
            .comparing(MotReport.Row::nps, Comparator.nullsLast(Comparator.<Double>naturalOrder()))
            .thenComparing(MotReport.Row::complaintRate, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
            .thenComparing(MotReport.Row::detractors, Comparator.reverseOrder())
            .thenComparing(MotReport.Row::key);

    static MotReport.Row row(Object[] r) {
        String key = String.valueOf(r[0]);
        long volume = number(r[1]);
        Double avgCsat = decimal(r[2]);
        long npsResponses = number(r[3]);
        long promoters = number(r[4]);
        long npsDetractors = number(r[5]);
        long detractors = number(r[6]);
        long complaints = number(r[7]);
        long cases = number(r[8]);
        long breached = number(r[9]);
        long settled = number(r[10]);
        Double medianFirstResponse = decimal(r[11]);
        Double medianResolution = decimal(r[12]);
        long resolved = number(r[13]);
        long reopened = number(r[14]);
        Double recoveryCsat = decimal(r[15]);
        long recoveryResponses = number(r[16]);
        Double nps = npsResponses == 0 ? null : round(100.0 * (promoters - npsDetractors) / npsResponses);
        return new MotReport.Row(key, volume, avgCsat == null ? null : round(avgCsat), nps, npsResponses,
                volume == 0 ? null : round((double) complaints / volume), detractors, cases,
                settled == 0 ? null : round((double) (settled - breached) / settled),
                medianFirstResponse, medianResolution,
                resolved == 0 ? null : round((double) reopened / resolved),
                recoveryCsat == null ? null : round(recoveryCsat), recoveryResponses,
                new MotReport.Range(detractors * WORD_OF_MOUTH_LOW, detractors * WORD_OF_MOUTH_HIGH));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
