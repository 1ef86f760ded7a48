package io.motcrm.feedback.empowerment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.motcrm.feedback.FeedbackConfig;
import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.feedback.cases.CaseService;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.platform.outbox.Outbox;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;

/**
 * Front-line empowerment: an agent acts on a case at once, within their role's authority per case and
 * per day; above it the action becomes an approval request for a supervisor. Granted points go to
 * loyalty-service through the outbox in the same transaction as the action, so a grant is never lost
 * and, with loyalty's uniqueness per action id, never doubled.
 */
@ApplicationScoped
public class Empowerment {

    @Inject
    Clock clock;

    @Inject
    FeedbackConfig config;

    @Inject
    CaseService cases;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    /** The strongest staff role of a caller, whose authority applies. */
    public static String authorityRole(java.util.function.Predicate<String> hasRole) {
        for (String role : List.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT)) {
            if (hasRole.test(role)) {
                return role;
            }
        }
        return Roles.AGENT;
    }

    @Transactional
    public ActionView act(UUID caseId, ActionRequest request, String actor, String role) {
        SupportCase item = SupportCase.lock(caseId);
        CaseService.requireNotClosed(item);
        Instant now = clock.instant();
        CaseAction action = new CaseAction();
        action.id = UUID.randomUUID();
        action.caseId = item.id;
        action.kind = request.kind();
        action.note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        action.requestedBy = actor;
        action.requestedRole = role;
        action.requestedAt = now;
        action.points = 0;
        action.status = ActionStatus.APPLIED;
        ActionView.AuthorityLimit limit = null;
        if (request.kind() != ActionKind.COMPENSATION_POINTS && request.points() != null) {
            // Points with an apology or a call-back would be dropped without a word: say so instead.
            throw ProblemException.forField(FeedbackProblem.POINTS_NOT_ACCEPTED, "points",
                    "is only taken by COMPENSATION_POINTS, not by " + request.kind());
        }
        if (request.kind() == ActionKind.COMPENSATION_POINTS) {
            if (request.points() == null || request.points() <= 0) {
                throw new ProblemException(FeedbackProblem.POINTS_REQUIRED, "Give the number of points (more than 0)");
            }
            if (item.customerId == null) {
                throw new ProblemException(FeedbackProblem.COMPENSATION_NEEDS_CUSTOMER,
                        "The case has no customer to grant points to");
            }
            action.points = request.points();
            // One person's grants are counted one at a time, so racing requests cannot both fit the daily limit.
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                    .setParameter("key", "compensation-authority:" + actor).getSingleResult();
            FeedbackConfig.Authority authority = config.authority().get(role);
            long perCase = authority == null ? 0 : authority.perCase();
            long perDay = authority == null ? 0 : authority.perDay();
            long onCase = appliedOnCase(item.id);
            long today = grantedToday(actor, now);
            if (onCase + action.points > perCase || today + action.points > perDay) {
                action.status = ActionStatus.PENDING_APPROVAL;
                limit = new ActionView.AuthorityLimit(onCase + action.points > perCase ? ActionView.Limit.PER_CASE
                        : ActionView.Limit.PER_DAY, role, perCase, perDay, onCase, today);
            }
        } else if (request.kind() == ActionKind.APOLOGY) {
            var sla = item.clock();
            cases.markFirstResponse(item, sla, now);
        }
        action.persist();
        if (action.status == ActionStatus.APPLIED) {
            applied(item, action);
            cases.record(item.id, actor, "ACTION", action.kind + (action.points > 0 ? " " + action.points + " points" : ""));
        } else {
            cases.record(item.id, actor, "APPROVAL_REQUESTED", action.kind + " " + action.points + " points (above " + role
                    + " authority " + limit.limitReached() + ")");
        }
        return action.view().withLimit(limit);
    }

    @Transactional
    public ActionView decide(UUID actionId, boolean approve, String reason, String approver, String approverRole) {
        CaseAction action = CaseAction.findById(actionId, LockModeType.PESSIMISTIC_WRITE);
        if (action == null || action.status == ActionStatus.APPLIED && action.decidedBy == null) {
            throw new ProblemException(FeedbackProblem.APPROVAL_NOT_FOUND, "No approval request has the id " + actionId);
        }
        if (action.status != ActionStatus.PENDING_APPROVAL) {
            throw new ProblemException(FeedbackProblem.APPROVAL_DECIDED, "The request was already " + action.status)
                    .with("currentStatus", action.status);
        }
        if (action.requestedBy.equals(approver)) {
            throw new ProblemException(FeedbackProblem.SELF_APPROVAL, "Another supervisor must decide on your own request");
        }
        SupportCase item = SupportCase.lock(action.caseId);
        if (approve) {
            CaseService.requireNotClosed(item);
        }
        if (approve && action.kind == ActionKind.COMPENSATION_POINTS) {
            // An approver may approve what their own role could grant on this case, no more: above it, a higher role decides.
            FeedbackConfig.Authority authority = config.authority().get(approverRole);
            long perCase = authority == null ? 0 : authority.perCase();
            if (appliedOnCase(item.id) + action.points > perCase) {
                throw new ProblemException(FeedbackProblem.APPROVAL_ABOVE_AUTHORITY,
                        "This case would get more points than a " + approverRole + " may grant on one case (" + perCase
                                + "); a higher role must approve").with("perCase", perCase);
            }
        }
        action.status = approve ? ActionStatus.APPLIED : ActionStatus.REJECTED;
        action.decidedBy = approver;
        action.decisionReason = reason.strip();
        action.decidedAt = clock.instant();
        if (approve) {
            applied(item, action);
        }
        cases.record(item.id, approver, approve ? "APPROVED" : "REJECTED", action.kind + " " + action.points + " points");
        return action.view();
    }

    /**
     * The requests {@code approver} may decide, oldest first: never their own, and only those their role could
     * approve (the case's applied points plus the request within the role's per-case authority, as
     * {@link #decide} checks).
     */
    public List<ActionView> pending(String approver, String approverRole) {
        List<CaseAction> waiting = CaseAction.list("status = ?1 and requestedBy <> ?2 order by requestedAt, id",
                ActionStatus.PENDING_APPROVAL, approver);
        FeedbackConfig.Authority authority = config.authority().get(approverRole);
        long perCase = authority == null ? 0 : authority.perCase();
        Map<UUID, Long> applied = appliedOnCases(waiting.stream().map(a -> a.caseId).distinct().toList());
        return waiting.stream()
                .filter(a -> a.kind != ActionKind.COMPENSATION_POINTS || applied.getOrDefault(a.caseId, 0L) + a.points <= perCase)
                .map(CaseAction::view).toList();
    }

    private Map<UUID, Long> appliedOnCases(List<UUID> caseIds) {
        Map<UUID, Long> applied = new HashMap<>();
        if (caseIds.isEmpty()) {
            return applied;
        }
        for (Object[] row : entityManager.createQuery("select a.caseId, coalesce(sum(a.points), 0) from CaseAction a "
                + "where a.caseId in ?1 and a.status = ?2 group by a.caseId", Object[].class)
                .setParameter(1, caseIds).setParameter(2, ActionStatus.APPLIED).getResultList()) {
            applied.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return applied;
    }

    private void applied(SupportCase item, CaseAction action) {
        if (action.kind == ActionKind.COMPENSATION_POINTS) {
            outbox.enqueue(Compensation.TARGET, Compensation.PATH, "case", item.id.toString(),
                    new Compensation(action.id, item.customerId, item.id, action.points, "case-compensation"));
        }
    }

    long appliedOnCase(UUID caseId) {
        return sum("select coalesce(sum(a.points), 0) from CaseAction a where a.caseId = ?1 and a.status = ?2",
                caseId, ActionStatus.APPLIED);
    }

    /** Points the person granted on their own authority today (UTC); approved requests count for nobody's day. */
    long grantedToday(String actor, Instant now) {
        Instant dayStart = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        return sum("select coalesce(sum(a.points), 0) from CaseAction a where a.requestedBy = ?1 and a.status = ?2"
                + " and a.decidedBy is null and a.requestedAt >= ?3", actor, ActionStatus.APPLIED, dayStart);
    }

    private long sum(String query, Object... params) {
        var typed = entityManager.createQuery(query, Long.class);
        for (int i = 0; i < params.length; i++) {
            typed.setParameter(i + 1, params[i]);
        }
        return typed.getSingleResult();
    }
}
