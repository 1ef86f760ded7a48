package io.motcrm.feedback.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.feedback.sla.SlaClock;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A complaint or detractor being handled: owner, state, SLA clock, escalation and recovery. */
@Entity
@Table(name = "support_case")
public class SupportCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "feedback_id", nullable = false)
    public UUID feedbackId;

    @Column(name = "touchpoint_id", nullable = false)
    public UUID touchpointId;

    /** The channel of the feedback the case came from (copied, so analytics need not join feedback). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public io.motcrm.feedback.touchpoint.Channel channel;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(nullable = false)
    public String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(nullable = false)
    public boolean detractor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    /** The customer's value could not be read when the case opened; a job re-prioritises it. */
    @Column(name = "value_pending", nullable = false)
    public boolean valuePending;

    @Column(name = "lifecycle_stage")
    public String lifecycleStage;

    @Column(name = "lifetime_value_minor")
    public Long lifetimeValueMinor;

    @Column(name = "owner_name", nullable = false)
    public String ownerName;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "first_response_at")
    public Instant firstResponseAt;

    /** Business seconds (SLA clock) from opening to first response. */
    @Column(name = "first_response_seconds")
    public Long firstResponseSeconds;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** Business seconds (SLA clock) from opening to (the latest) resolution. */
    @Column(name = "resolution_seconds")
    public Long resolutionSeconds;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "root_cause")
    public String rootCause;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    @Column(name = "paused_seconds", nullable = false)
    public long pausedSeconds;

    @Column(name = "paused_since")
    public Instant pausedSince;

    @Column(name = "first_response_breached", nullable = false)
    public boolean firstResponseBreached;

    @Column(name = "resolution_breached", nullable = false)
    public boolean resolutionBreached;

    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    @Column(name = "recovery_token_hash")
    public String recoveryTokenHash;

    @Column(name = "recovery_requested_at")
    public Instant recoveryRequestedAt;

    @Column(name = "recovery_csat")
    public Integer recoveryCsat;

    @Column(name = "recovery_rated_at")
    public Instant recoveryRatedAt;

    @Version
    public long version;

    public SlaClock clock() {
        return new SlaClock(openedAt, Duration.ofSeconds(pausedSeconds), pausedSince);
    }

    public void store(SlaClock clock) {
        pausedSeconds = clock.pausedTotal().toSeconds();
        pausedSince = clock.pausedSince();
    }

    /** The case, locked for the rest of the transaction. */
    public static SupportCase lock(UUID id) {
        SupportCase found = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            throw notFound(id);
        }
        return found;
    }

    public static SupportCase get(UUID id) {
        SupportCase found = findById(id);
        if (found == null) {
            throw notFound(id);
        }
        return found;
    }

    public static ProblemException notFound(UUID id) {
        return new ProblemException(FeedbackProblem.CASE_NOT_FOUND, "No case has the id " + id);
    }
}
