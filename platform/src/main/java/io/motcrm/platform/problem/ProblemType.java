package io.motcrm.platform.problem;

/**
 * A stable kind of problem. Each service lists its own in an enum implementing this interface; the
 * {@link #code()} is part of the API contract and never changes once published.
 */
public interface ProblemType {

    /** Prefix of every problem {@code type} URI; the code follows it. */
    String TYPE_PREFIX = "urn:motcrm:problem:";

    /** Short, stable, kebab-case identifier, e.g. {@code validation-failed}. */
    String code();

    /** Human-readable summary that does not change between occurrences. */
    String title();

    /** HTTP status the problem is answered with. */
    int status();

    default String typeUri() {
        return TYPE_PREFIX + code();
    }
}
