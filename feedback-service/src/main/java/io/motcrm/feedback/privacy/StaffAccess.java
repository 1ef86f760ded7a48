package io.motcrm.feedback.privacy;

/**
 * The sections of the customer's access log that staff reads in this service are recorded under
 * ({@link io.motcrm.platform.privacy.StaffReads}), and the purpose a case worker's read gets when they
 * state none.
 */
public final class StaffAccess {

    public static final String CASES = "cases";
    public static final String FEEDBACK = "feedback";
    public static final String EXPORT = "export";

    /** The purpose of a staff read of one case or one feedback that states none: the agent is working it. */
    public static final String CASE_WORK = "case work";

    /** How the OpenAPI document describes the purpose header where {@link #CASE_WORK} is the default. */
    public static final String CASE_WORK_PURPOSE_DESCRIPTION = io.motcrm.platform.privacy.StaffReads.PURPOSE_DESCRIPTION
            + "; without it, a staff read is recorded with the purpose `case work`";

    private StaffAccess() {
    }

    /** The stated purpose, or {@link #CASE_WORK} when none was stated. */
    public static String orCaseWork(String purpose) {
        return purpose == null || purpose.isBlank() ? CASE_WORK : purpose;
    }
}
