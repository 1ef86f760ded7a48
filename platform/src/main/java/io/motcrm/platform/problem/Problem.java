package io.motcrm.platform.problem;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem-details body. {@code code} repeats the last segment of {@code type} so that
 * clients can switch on a short string; {@code violations} lists per-field errors of a validation
 * problem; further members specific to a problem type are flattened into the object.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "code", "violations" })
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The members every problem has; an extension must not repeat one (an entity's state is e.g. {@code currentStatus}). */
    static final java.util.Set<String> MEMBERS = java.util.Set.of("type", "title", "status", "detail", "instance", "code",
            "violations");

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final String code;
    private final List<Violation> violations;
    private final Map<String, Object> extensions;

    private Problem(ProblemType problemType, String detail, String instance, List<Violation> violations,
            Map<String, Object> extensions) {
        this.type = problemType.typeUri();
        this.title = problemType.title();
        this.status = problemType.status();
        this.code = problemType.code();
        this.detail = detail;
        this.instance = instance == null ? null : uriReference(instance);
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
        for (String name : this.extensions.keySet()) {
            if (MEMBERS.contains(name)) {
                // A JSON object with the member twice is read differently by different parsers.
                throw new IllegalArgumentException("A problem's own member '" + name + "' cannot be an extension");
            }
        }
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, null, null, null);
    }

    public static Problem of(ProblemType type, String detail, String instance, List<Violation> violations,
            Map<String, Object> extensions) {
        return new Problem(type, detail, instance, violations, extensions);
    }

    /**
     * The request path as a URI reference (RFC 9457's {@code instance}): anything but printable ASCII,
     * e.g. raw bytes a client put in its request line, is percent-encoded as UTF-8 rather than echoed.
     */
    static String uriReference(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`'
                    && c != '{' && c != '|' && c != '}') {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < path.length() ? i + 2 : i + 1;
            for (byte b : path.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX.toHexDigits(b));
            }
            i = end - 1;
        }
        return out.toString();
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    public String getCode() {
        return code;
    }

    public List<Violation> getViolations() {
        return violations;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /** One invalid field: its path in the request (dotted, with indexes) and what is wrong. */
    @RegisterForReflection
    public record Violation(String field, String message) {
    }
}
