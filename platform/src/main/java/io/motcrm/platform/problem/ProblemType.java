package io.motcrm.platform.problem;

/**
 * A stable kind of problem. Each service lists its own in an enum implementing this interface; the
 * {@link #code()} is part of the API contract and never changes once published.
 */
public interface ProblemType {

    /** Prefix of every problem {@code type} URI; the code follows it. */
    String TYPE_PREFIX = "urn:motcrm:problem:";

    /** What defines a problem type; an enum constant keeps one and returns it from {@link #definition()}. */
    record Definition(String code, String title, int status) {
    }

    Definition definition();

    /** Short, stable, kebab-case identifier, e.g. {@code validation-failed}. */
    default String code() {
        return definition().code();
    }

    /** Human-readable summary that does not change between occurrences. */
    default String title() {
        return definition().title();
    }

    /** HTTP status the problem is answered with. */
    default int status() {
        return definition().status();
    }

    default String typeUri() {
        return TYPE_PREFIX + code();
    }
}
