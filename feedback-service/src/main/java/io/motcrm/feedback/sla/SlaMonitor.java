package io.motcrm.feedback.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.feedback.FeedbackConfig;
import io.motcrm.feedback.cases.CaseService;
import io.motcrm.feedback.cases.CaseStatus;
import io.motcrm.feedback.cases.Priority;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.feedback.stream.MotEvent;
import io.motcrm.feedback.stream.MotEvents;
import io.motcrm.feedback.stream.MotPayload;
import io.motcrm.feedback.team.Team;
import io.motcrm.feedback.team.Teams;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Detects SLA breaches of running cases and escalates them along the owning team's chain: at the breach to
 * the team's supervisor, then one person further along the team's escalation list per {@code escalation-step}
 * of overdue business time. A case whose team has nobody to escalate to is marked breached (and streamed) only. Each case is checked in its
 * own transaction under a row lock, so replicas running the job at once never escalate a level twice
 * (the unique (case, level) index is the backstop).
 */
@ApplicationScoped
public class SlaMonitor {

    public static final String FIRST_RESPONSE = "FIRST_RESPONSE";
    public static final String RESOLUTION = "RESOLUTION";

    @Inject
    Clock clock;

    @Inject
    FeedbackConfig config;

    @Inject
    SlaPolicies policies;

    @Inject
    CaseService cases;

    @Inject
    MotEvents events;

    @Inject
    Teams teams;

    @Scheduled(every = "${motcrm.feedback.sla.check-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            Log.warnf("SLA check failed, retrying on the next run: %s", e.toString());
        }
    }

    /**
     * Checks the running open cases that may have reached a breach or their next escalation (a
     * prefilter in SQL over the SLA targets of each priority); returns how many breaches and
     * escalations it recorded.
     */
    public int check() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(this::dueCases);
        int changes = 0;
        for (UUID id : due) {
            changes += QuarkusTransaction.requiringNew().call(() -> checkCase(id));
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    List<UUID> dueCases() {
        StringBuilder firstResponse = new StringBuilder("case c.priority");
        StringBuilder resolution = new StringBuilder("case c.priority");
        for (Priority priority : Priority.values()) {
            SlaPolicy policy = policies.of(priority);
            firstResponse.append(" when '").append(priority.name()).append("' then ").append(policy.firstResponse().toSeconds());
            resolution.append(" when '").append(priority.name()).append("' then ").append(policy.resolution().toSeconds());
        }
        firstResponse.append(" end");
        resolution.append(" end");
        String running = "c.opened_at + make_interval(secs => c.paused_seconds + %s + %s)";
        // A team's own targets replace its priority's; the chain is the supervisor and the escalation list.
        String firstResponseTarget = "coalesce(t.first_response_target_seconds, " + firstResponse + ")";
        String resolutionTarget = "coalesce(t.resolution_target_seconds, " + resolution + ")";
        String sql = """
                select c.id from support_case c left join team t on t.code = c.team
                where c.status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS') and c.paused_since is null and (
                    (c.escalation_level < %5$s and c.first_response_at is null and %1$s < :now)
                    or (c.escalation_level < %5$s and %2$s < :now)
                    or (c.first_response_at is null and not c.first_response_breached and %3$s < :now)
                    or (not c.resolution_breached and %4$s < :now))
                order by c.opened_at
                """.formatted(
                running.formatted(firstResponseTarget, "c.escalation_level * :step"),
                running.formatted(resolutionTarget, "c.escalation_level * :step"),
                running.formatted(firstResponseTarget, "0"),
                running.formatted(resolutionTarget, "0"),
                "(case when t.supervisor is null then 0 else 1 end "
                        + "+ (select count(*) from team_escalation e where e.team_code = c.team))");
        return ((List<Object>) SupportCase.getEntityManager().createNativeQuery(sql)
                .setParameter("now", clock.instant())
                .setParameter("step", config.sla().escalationStep().toSeconds())
                .getResultList()).stream().map(id -> (UUID) id).toList();
    }

    int checkCase(UUID id) {
        SupportCase item = SupportCase.lock(id);
        if (!item.status.isOpen() || item.status == CaseStatus.WAITING_ON_CUSTOMER) {
            return 0;
        }
        Instant now = clock.instant();
        SlaClock sla = item.clock();
        SlaPolicy policy = policies.of(item);
        int changes = 0;
        if (!item.firstResponseBreached && item.firstResponseAt == null && sla.breached(policy.firstResponse(), now)) {
            item.firstResponseBreached = true;
            breach(item, FIRST_RESPONSE, policy.firstResponse());
            changes++;
        }
        if (!item.resolutionBreached && sla.breached(policy.resolution(), now)) {
            item.resolutionBreached = true;
            breach(item, RESOLUTION, policy.resolution());
            changes++;
        }
        boolean firstResponseOverdue = item.firstResponseBreached && item.firstResponseAt == null;
        Duration overdue = Duration.ZERO;
        String reason = null;
        if (item.resolutionBreached) {
            overdue = sla.overdue(policy.resolution(), now);
            reason = RESOLUTION;
        }
        if (firstResponseOverdue && sla.overdue(policy.firstResponse(), now).compareTo(overdue) > 0) {
            overdue = sla.overdue(policy.firstResponse(), now);
            reason = FIRST_RESPONSE;
        }
        List<String> chain = teams.chain(item.team);
        int target = EscalationLevel.levelFor(reason != null, overdue, config.sla().escalationStep(), chain.size());
        while (item.escalationLevel < target) {
            item.escalationLevel++;
            escalate(item, chain.get(item.escalationLevel - 1), reason, now);
            changes++;
        }
        return changes;
    }

    private void breach(SupportCase item, String target, Duration limit) {
        boolean unrouted = teams.chain(item.team).isEmpty();
        cases.record(item.id, CaseService.SYSTEM, "SLA_BREACHED", target + " target " + limit + " exceeded"
                + (unrouted ? "; team " + item.team + " has no supervisor to escalate to" : ""));
        events.record(MotEvent.Kind.SLA_BREACHED, item.team,
                new MotPayload.SlaBreached(item.id, target, item.priority, item.team, item.ownerName));
    }

    private void escalate(SupportCase item, String to, String reason, Instant now) {
        boolean supervisor = Team.find(item.team).map(team -> to.equals(team.supervisor)).orElse(false);
        EscalationLevel level = supervisor ? EscalationLevel.SUPERVISOR : EscalationLevel.MANAGER;
        CaseEscalation escalation = new CaseEscalation();
        escalation.caseId = item.id;
        escalation.level = item.escalationLevel;
        escalation.role = level;
        escalation.escalatedTo = to;
        escalation.reason = reason;
        escalation.at = now;
        escalation.persist();
        cases.record(item.id, CaseService.SYSTEM, "ESCALATED", level + " " + to + " (" + reason + ")");
        events.record(MotEvent.Kind.CASE_ESCALATED, item.team,
                new MotPayload.CaseEscalated(item.id, level, to, reason, item.team));
    }
}
