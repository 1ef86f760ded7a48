package io.motcrm.feedback.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.motcrm.feedback.FeedbackConfig;
import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.feedback.capture.Feedback;
import io.motcrm.feedback.capture.FeedbackService;
import io.motcrm.feedback.customer.CustomerValue;
import io.motcrm.feedback.customer.CustomerValues;
import io.motcrm.feedback.customer.ValueLookup;
import io.motcrm.feedback.empowerment.CaseAction;
import io.motcrm.feedback.sla.CaseEscalation;
import io.motcrm.feedback.sla.SlaClock;
import io.motcrm.feedback.sla.SlaPolicies;
import io.motcrm.feedback.sla.SlaPolicy;
import io.motcrm.feedback.stream.MotEvent;
import io.motcrm.feedback.stream.MotEvents;
import io.motcrm.feedback.stream.MotPayload;
import io.motcrm.feedback.team.StaffMember;
import io.motcrm.feedback.team.Teams;
import io.motcrm.feedback.touchpoint.Touchpoint;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.web.CorrelationId;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Opens cases from feedback and moves them through their life; every change is written to the history. */
@ApplicationScoped
public class CaseService {

    public static final String SYSTEM = "system";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    FeedbackConfig config;

    @Inject
    CustomerValues customerValues;

    @Inject
    SlaPolicies policies;

    @Inject
    MotEvents events;

    @Inject
    Teams teams;

    @Transactional(Transactional.TxType.MANDATORY)
    public SupportCase openFor(Feedback feedback, Touchpoint touchpoint) {
        Instant now = clock.instant();
        SupportCase item = new SupportCase();
        item.id = UUID.randomUUID();
        item.feedbackId = feedback.id;
        item.touchpointId = touchpoint.id;
        item.customerId = feedback.customerId;
        item.channel = feedback.channel;
        item.team = touchpoint.team;
        item.status = CaseStatus.NEW;
        item.severity = PriorityPolicy.severity(feedback.type, feedback.csat, feedback.nps);
        item.detractor = feedback.detractor();
        item.openedAt = now;
        item.ownerName = teams.assignOwner(touchpoint.team).orElse(null);
        ValueLookup lookup = feedback.customerId == null ? ValueLookup.unknown() : customerValues.lookup(feedback.customerId,
                CorrelationId.current().orElse(null));
        applyValue(item, lookup);
        item.persist();
        record(item.id, SYSTEM, "OPENED", "priority " + item.priority + (item.valuePending ? " (default: customer value unavailable)" : ""));
        record(item.id, SYSTEM, "ASSIGNED", item.ownerName == null
                ? "no one to own it: waiting in team " + item.team + "'s queue" : "owner " + item.ownerName);
        events.record(MotEvent.Kind.CASE_OPENED, item.team, changed(item, touchpoint.code));
        return item;
    }

    private void applyValue(SupportCase item, ValueLookup lookup) {
        switch (lookup.outcome()) {
            case UNAVAILABLE -> {
                item.valuePending = true;
                item.priority = Priority.valueOf(config.cases().defaultPriority());
            }
            case UNKNOWN -> {
                item.valuePending = false;
                item.priority = PriorityPolicy.priority(item.severity, item.detractor, false);
            }
            case FOUND -> {
                CustomerValue value = lookup.value().orElseThrow();
                item.valuePending = false;
                item.lifecycleStage = value.lifecycleStage();
                item.lifetimeValueMinor = value.lifetimeValueMinor();
                item.priority = PriorityPolicy.priority(item.severity, item.detractor, highValue(value));
            }
        }
    }

    boolean highValue(CustomerValue value) {
        boolean byValue = value.lifetimeValueMinor() != null
                && value.lifetimeValueMinor() >= config.cases().highValueLifetimeMinor();
        boolean byStage = value.lifecycleStage() != null && config.cases().highValueStages().stream()
                .anyMatch(stage -> stage.equalsIgnoreCase(value.lifecycleStage()));
        return byValue || byStage;
    }

    /** Cases opened while customer-service was unreachable get their real priority once it answers. */
    @Scheduled(every = "${motcrm.feedback.cases.reprioritise-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reprioritisePending() {
        List<UUID> pending = QuarkusTransaction.requiringNew().call(() -> SupportCase.<SupportCase>find(
                "valuePending = true order by openedAt").page(0, 100).list().stream().map(c -> c.id).toList());
        for (UUID id : pending) {
            SupportCase snapshot = QuarkusTransaction.requiringNew().call(() -> SupportCase.get(id));
            if (snapshot.customerId == null) {
                continue;
            }
            // Asked outside any transaction: a slow customer-service holds no database connection.
            ValueLookup lookup = customerValues.lookup(snapshot.customerId, CorrelationId.current().orElse(null));
            if (lookup.outcome() == ValueLookup.Outcome.UNAVAILABLE) {
                Log.debugf("customer-service still unavailable; %d cases keep their default priority", pending.size());
                return;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                SupportCase item = SupportCase.lock(id);
                if (!item.valuePending) {
                    return;
                }
                Priority before = item.priority;
                applyValue(item, lookup);
                record(item.id, SYSTEM, "REPRIORITISED", before + " -> " + item.priority);
                if (before != item.priority) {
                    events.record(MotEvent.Kind.CASE_UPDATED, item.team, changed(item, null));
                }
            });
        }
    }

    /**
     * Moves a case to another state; see {@link CaseStatus} for the allowed moves. The answer to a
     * resolution carries the recovery survey link, the only time it is shown.
     */
    @Transactional
    public CaseViews.StaffCase transition(UUID id, CaseStatus target, String rootCause, Caller caller) {
        SupportCase item = SupportCase.lock(id);
        teams.requireMayChange(item, caller);
        String actor = caller.name();
        Instant now = clock.instant();
        CaseStatus from = item.status;
        boolean reopen = target == CaseStatus.IN_PROGRESS && !from.isOpen();
        if (from == CaseStatus.CLOSED && !reopen) {
            throw new ProblemException(FeedbackProblem.CASE_CLOSED, "A closed case can only be reopened")
                    .with("currentStatus", from);
        }
        if (!from.canMoveTo(target)) {
            throw new ProblemException(FeedbackProblem.INVALID_TRANSITION, "A case cannot move from " + from + " to " + target)
                    .with("currentStatus", from).with("allowed", from.next());
        }
        SlaClock sla = item.clock();
        String recoveryToken = null;
        switch (target) {
            case ACKNOWLEDGED -> markFirstResponse(item, sla, now);
            case WAITING_ON_CUSTOMER -> sla.pause(now);
            case IN_PROGRESS -> {
                if (reopen) {
                    Duration window = config.cases().reopenWindow();
                    if (item.resolvedAt == null || now.isAfter(item.resolvedAt.plus(window))) {
                        throw new ProblemException(FeedbackProblem.REOPEN_WINDOW_PASSED,
                                "A case can be reopened up to " + window + " after its resolution")
                                .with("currentStatus", from);
                    }
                    item.reopenCount++;
                    item.resolvedAt = null;
                    item.closedAt = null;
                    item.recoveryTokenHash = null;
                    item.recoveryRequestedAt = null;
                }
                sla.resume(now);
            }
            case RESOLVED -> {
                if (rootCause == null || rootCause.isBlank()) {
                    throw new ProblemException(FeedbackProblem.ROOT_CAUSE_REQUIRED,
                            "Name the root cause; one of " + config.cases().rootCauses())
                            .with("rootCauses", config.cases().rootCauses());
                }
                if (!config.cases().rootCauses().contains(rootCause)) {
                    throw new ProblemException(FeedbackProblem.UNKNOWN_ROOT_CAUSE, "'" + rootCause + "' is not a root cause")
                            .with("rootCauses", config.cases().rootCauses());
                }
                markFirstResponse(item, sla, now);
                item.rootCause = rootCause;
                item.resolvedAt = now;
                item.resolutionSeconds = sla.elapsed(now).toSeconds();
                if (sla.breached(policies.of(item).resolution(), now)) {
                    item.resolutionBreached = true;
                }
                sla.pause(now);
                recoveryToken = openRecoverySurvey(item, now);
            }
            case CLOSED -> item.closedAt = now;
            case NEW -> throw new IllegalStateException();
        }
        item.store(sla);
        item.status = target;
        record(item.id, actor, reopen ? "REOPENED" : "STATUS",
                from + " -> " + target + (target == CaseStatus.RESOLVED ? " (root cause " + rootCause + ")" : ""));
        events.record(MotEvent.Kind.CASE_UPDATED, item.team, changed(item, null));
        String url = recoveryToken == null ? null : config.publicLinks().recoveryBaseUrl() + "?t=" + recoveryToken;
        return staffView(item, url);
    }

    /**
     * Gives the case to {@code owner}, an active member or the supervisor of the case's team; the owner, the
     * team's supervisors and admins may, and a member may take an unowned case for themselves.
     */
    @Transactional
    public CaseViews.StaffCase assign(UUID id, String owner, Caller caller) {
        SupportCase item = SupportCase.lock(id);
        requireNotClosed(item);
        String login = owner.strip();
        teams.requireMayAssign(item, login, caller);
        teams.requireEligibleOwner(item.team, login);
        String previous = item.ownerName;
        item.ownerName = login;
        record(item.id, caller.name(), previous == null || previous.equals(login) ? "ASSIGNED" : "REASSIGNED",
                (previous == null ? "queue" : previous) + " -> " + login);
        events.record(MotEvent.Kind.CASE_UPDATED, item.team, changed(item, null));
        return staffView(item);
    }

    /** A note; a customer-visible note from staff is a response to the customer, one from the customer resumes a waiting case. */
    @Transactional
    public CaseNote.View addNote(UUID id, NoteVisibility visibility, String text, String author, boolean byCustomer) {
        SupportCase item = SupportCase.lock(id);
        requireNotClosed(item);
        Instant now = clock.instant();
        CaseNote note = new CaseNote();
        note.id = UUID.randomUUID();
        note.caseId = item.id;
        note.at = now;
        note.author = author;
        note.visibility = visibility;
        note.text = text.strip();
        note.persist();
        SlaClock sla = item.clock();
        if (visibility == NoteVisibility.CUSTOMER && !byCustomer) {
            markFirstResponse(item, sla, now);
        }
        if (byCustomer && item.status == CaseStatus.WAITING_ON_CUSTOMER) {
            sla.resume(now);
            item.status = CaseStatus.IN_PROGRESS;
            record(item.id, author, "STATUS", "WAITING_ON_CUSTOMER -> IN_PROGRESS (customer replied)");
        }
        item.store(sla);
        record(item.id, author, byCustomer ? "CUSTOMER_NOTE" : "NOTE", visibility.name());
        return note.view();
    }

    /** The customer's cases, newest first (customer-visible parts only). */
    public List<CaseViews.CustomerCase> customerCases(UUID customerId) {
        return SupportCase.<SupportCase>list("customerId = ?1 order by openedAt desc", customerId).stream()
                .map(this::customerView).toList();
    }

    /** The customer's own case; another's, or an anonymous one, is not found. */
    public static SupportCase ownedBy(SupportCase item, UUID customerId) {
        if (item.customerId == null || !item.customerId.equals(customerId)) {
            throw SupportCase.notFound(item.id);
        }
        return item;
    }

    /** The customer rates how their case was recovered (CSAT 1-5), once. */
    @Transactional
    public void rateRecoveryByCustomer(UUID caseId, UUID customerId, int csat) {
        rateRecovery(ownedBy(SupportCase.lock(caseId), customerId), csat);
    }

    /** Records the customer's rating of the recovery, once. */
    @Transactional
    public void rateRecovery(SupportCase item, int csat) {
        if (item.recoveryRequestedAt == null || item.recoveryCsat != null) {
            throw new ProblemException(FeedbackProblem.RECOVERY_NOT_REQUESTED, "No recovery survey is open for this case");
        }
        item.recoveryCsat = csat;
        item.recoveryRatedAt = clock.instant();
        item.recoveryTokenHash = null;
        record(item.id, item.customerId == null ? "anonymous" : "customer", "RECOVERY_RATED", "csat " + csat);
    }

    public static SupportCase byRecoveryToken(String token) {
        return SupportCase.<SupportCase>find("recoveryTokenHash", sha256(token)).firstResultOptional()
                .orElseThrow(() -> new ProblemException(FeedbackProblem.INVALID_RECOVERY_TOKEN, "The survey link is not valid"));
    }

    /** The first response to the customer; a late one counts as a breach even if the monitor never saw it. */
    public void markFirstResponse(SupportCase item, SlaClock sla, Instant now) {
        if (item.firstResponseAt == null) {
            item.firstResponseAt = now;
            item.firstResponseSeconds = sla.elapsed(now).toSeconds();
            if (sla.breached(policies.of(item).firstResponse(), now)) {
                item.firstResponseBreached = true;
            }
        }
    }

    private String openRecoverySurvey(SupportCase item, Instant now) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        item.recoveryTokenHash = sha256(token);
        item.recoveryRequestedAt = now;
        item.recoveryCsat = null;
        item.recoveryRatedAt = null;
        record(item.id, SYSTEM, "RECOVERY_SURVEY_SENT", item.customerId == null ? "link" : "link and in-app request");
        return token;
    }

    /** A closed case takes no change but a reopening: 409 {@code case-closed}. */
    public static void requireNotClosed(SupportCase item) {
        if (item.status == CaseStatus.CLOSED) {
            throw new ProblemException(FeedbackProblem.CASE_CLOSED, "The case is closed; reopen it first")
                    .with("currentStatus", item.status);
        }
    }

    public void record(UUID caseId, String actor, String kind, String detail) {
        CaseHistory line = new CaseHistory();
        line.caseId = caseId;
        line.at = clock.instant();
        line.actor = actor;
        line.kind = kind;
        line.detail = detail;
        line.persist();
    }

    private static MotPayload.CaseChanged changed(SupportCase item, String touchpointCode) {
        return new MotPayload.CaseChanged(item.id, item.status, item.priority, item.team, item.ownerName,
                touchpointCode != null ? touchpointCode : FeedbackService.touchpointCode(item.touchpointId));
    }

    public CaseViews.StaffCase staffView(SupportCase item) {
        return staffView(item, null);
    }

    private CaseViews.StaffCase staffView(SupportCase item, String recoverySurveyUrl) {
        Instant now = clock.instant();
        SlaPolicy policy = policies.of(item);
        SlaClock sla = item.clock();
        CaseViews.Sla slaView = new CaseViews.Sla(policy.firstResponse().toSeconds(), policy.resolution().toSeconds(),
                sla.elapsed(now).toSeconds(), sla.isPaused(),
                item.firstResponseAt == null ? sla.dueAt(policy.firstResponse(), now).orElse(null) : null,
                item.status.isOpen() ? sla.dueAt(policy.resolution(), now).orElse(null) : null,
                item.firstResponseBreached, item.resolutionBreached, item.escalationLevel);
        return new CaseViews.StaffCase(item.id, item.feedbackId, FeedbackService.touchpointCode(item.touchpointId),
                item.team, item.customerId, item.status, item.priority, item.severity, item.detractor,
                item.valuePending, item.ownerName, StaffMember.displayName(item.ownerName).orElse(null),
                item.ownerName == null, item.openedAt, item.firstResponseAt, item.resolvedAt,
                item.closedAt, item.rootCause, item.reopenCount, slaView,
                CaseEscalation.of(item.id).stream().map(CaseEscalation::view).toList(),
                CaseNote.of(item.id).stream().map(CaseNote::view).toList(),
                CaseAction.of(item.id).stream().map(CaseAction::view).toList(),
                new CaseViews.Recovery(item.recoveryRequestedAt, item.recoveryCsat, item.recoveryRatedAt),
                recoverySurveyUrl);
    }

    public CaseViews.CustomerCase customerView(SupportCase item) {
        List<CaseNote.View> visible = CaseNote.of(item.id).stream()
                .filter(note -> note.visibility == NoteVisibility.CUSTOMER).map(CaseNote::view).toList();
        return new CaseViews.CustomerCase(item.id, item.feedbackId, FeedbackService.touchpointCode(item.touchpointId),
                item.status, StaffMember.displayName(item.ownerName).orElse(null), item.openedAt, item.resolvedAt, visible,
                item.recoveryRequestedAt != null && item.recoveryCsat == null && item.recoveryTokenHash != null,
                item.recoveryCsat);
    }

    public static CaseViews.Summary summary(SupportCase item, String touchpointCode) {
        return new CaseViews.Summary(item.id, touchpointCode, item.team, item.status, item.priority, item.ownerName,
                item.openedAt, item.firstResponseBreached || item.resolutionBreached, item.escalationLevel);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
