package io.motcrm.feedback;

import io.motcrm.platform.problem.ProblemType;

/** The problems feedback-service answers with, besides the common ones. Codes are part of the API. */
public enum FeedbackProblem implements ProblemType {
    TOUCHPOINT_NOT_FOUND("touchpoint-not-found", "The touchpoint does not exist", 404),
    TOUCHPOINT_EXISTS("touchpoint-exists", "A touchpoint with this code already exists", 409),
    TOUCHPOINT_INACTIVE("touchpoint-inactive", "The touchpoint does not accept feedback", 422),
    FEEDBACK_NOT_FOUND("feedback-not-found", "The feedback does not exist", 404),
    TEXT_TOO_LONG("text-too-long", "The text is longer than allowed", 422),
    NO_SCORE_OR_TEXT("no-score-or-text", "Feedback needs at least one score or a text", 422),
    CUSTOMER_REQUIRED("customer-required", "An agent must name the customer the feedback is from", 422),
    INVALID_PUBLIC_TOKEN("invalid-public-token", "The touchpoint link is not valid", 401),
    LINK_EXPIRED("link-expired", "This feedback link has expired", 410),
    LINK_REVOKED("link-revoked", "This feedback link was replaced by a new one", 410),
    NOT_A_SUGGESTION("not-a-suggestion", "Only suggestions carry a public status", 422),
    CASE_NOT_FOUND("case-not-found", "The case does not exist", 404),
    INVALID_TRANSITION("invalid-transition", "The case cannot move to this state from its current one", 409),
    CASE_CLOSED("case-closed", "The case is closed", 409),
    ROOT_CAUSE_REQUIRED("root-cause-required", "A case cannot be resolved without a root cause", 422),
    UNKNOWN_ROOT_CAUSE("unknown-root-cause", "The root cause is not one of the configured ones", 422),
    REOPEN_WINDOW_PASSED("reopen-window-passed", "The case can no longer be reopened", 409),
    COMPENSATION_NEEDS_CUSTOMER("compensation-needs-customer", "An anonymous case cannot receive points", 422),
    POINTS_REQUIRED("points-required", "A compensation needs a positive number of points", 422),
    POINTS_NOT_ACCEPTED("points-not-accepted", "Only a compensation takes points", 422),
    APPROVAL_NOT_FOUND("approval-not-found", "The approval request does not exist", 404),
    APPROVAL_DECIDED("approval-decided", "The approval request was already decided", 409),
    SELF_APPROVAL("self-approval", "A request cannot be approved or rejected by the one who made it", 403),
    APPROVAL_ABOVE_AUTHORITY("approval-above-authority", "The request is above the approver's own authority", 403),
    RECOVERY_NOT_REQUESTED("recovery-not-requested", "No recovery survey is open for this case", 409),
    INVALID_RECOVERY_TOKEN("invalid-recovery-token", "The recovery survey link is not valid", 404),
    INVALID_PERIOD("invalid-period", "The period is not valid", 400),
    UNKNOWN_OWNER("unknown-owner", "The owner is not an active person of the staff directory", 422),
    OWNER_NOT_IN_TEAM("owner-not-in-team", "The owner is neither a member nor the supervisor of the case's team", 422),
    NOT_CASE_OWNER("not-case-owner", "Only the case's owner, its team's supervisors and admins may change it", 403),
    UNKNOWN_STAFF("unknown-staff", "A login is not in the staff directory", 422),
    TEAM_NOT_FOUND("team-not-found", "The team does not exist", 404),
    STAFF_NOT_FOUND("staff-not-found", "The person is not in the staff directory", 404),
    TOUCHPOINT_CODE_MISMATCH("touchpoint-code-mismatch", "The code in the body differs from the path's", 422);

    private final Definition definition;

    FeedbackProblem(String code, String title, int status) {
        this.definition = new Definition(code, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
