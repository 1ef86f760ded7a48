package io.motcrm.feedback.empowerment;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@Schema(name = "CaseAction", description = "An action on a case; an approval request is an action PENDING_APPROVAL, "
        + "and `decidedBy`, `decisionReason`, `decidedAt` are set once a supervisor decides it")
public record ActionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID caseId,
        @Schema(required = true) ActionKind kind,
        @Schema(required = true) long points,
        String note,
        @Schema(required = true) ActionStatus status,
        @Schema(required = true) String requestedBy,
        @Schema(required = true) String requestedRole,
        @Schema(required = true) Instant requestedAt,
        String decidedBy,
        String decisionReason,
        Instant decidedAt,
        @Schema(description = "Only in the 202 answer of a request above the requester's authority: which limit it "
                + "reached and the limit's figures; null otherwise") AuthorityLimit authorityLimit) {

    /** Which authority limit sent a compensation for approval. */
    public enum Limit {
        /** The case would get more points than the role grants on one case. */
        PER_CASE,
        /** The person would grant more points today than the role grants per day. */
        PER_DAY
    }

    @Schema(name = "AuthorityLimitReached", description = "Why a compensation waits for approval: `limitReached` is "
            + "PER_CASE when the case would get more than `perCase` points (whether or not the day's limit is reached too), "
            + "otherwise PER_DAY: the requester would grant more than `perDay` points today (UTC). `onCase` and `today` are "
            + "the points already granted, without this request")
    public record AuthorityLimit(
            @Schema(required = true) Limit limitReached,
            @Schema(required = true, description = "The role whose authority applied") String role,
            @Schema(required = true) long perCase,
            @Schema(required = true) long perDay,
            @Schema(required = true) long onCase,
            @Schema(required = true) long today) {
    }

    public ActionView withLimit(AuthorityLimit limit) {
        return new ActionView(id, caseId, kind, points, note, status, requestedBy, requestedRole, requestedAt, decidedBy,
                decisionReason, decidedAt, limit);
    }
}
