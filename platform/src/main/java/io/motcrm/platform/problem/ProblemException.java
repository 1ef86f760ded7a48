package io.motcrm.platform.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by application code to answer with a problem. The transaction it crosses is rolled back,
 * so a rejected request changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final transient ProblemType type;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();
    private final transient Map<String, String> headers = new LinkedHashMap<>();
    private final transient List<Problem.Violation> violations = new ArrayList<>();

    public ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    /**
     * A problem with one field or parameter of the request (e.g. {@code invalid-email}): the field and what is
     * wrong with it go in {@code violations}, as Bean Validation's do, so clients show every field error alike.
     */
    public static ProblemException forField(ProblemType type, String field, String message) {
        ProblemException problem = new ProblemException(type, "'" + field + "' " + message);
        problem.violations.add(new Problem.Violation(field, message));
        return problem;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    /** Adds a member to the problem body, e.g. the available balance when a redemption is too large. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
