package io.motcrm.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;

/**
 * The one set of exception mappers: every error a resource raises leaves as problem details. No
 * exception class names, messages of unexpected errors or stack traces reach the client.
 */
public class ProblemMappers {

    /** Headers of an HTTP-layer error that the client needs (e.g. which methods are allowed). */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER,
            HttpHeaders.WWW_AUTHENTICATE);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        var response = Response.status(e.type().status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(e.type(), e.detail(), uri.getPath(), e.violations(), e.extensions()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalidParameters(ResteasyReactiveViolationException e, UriInfo uri, ResourceInfo resource) {
        return violations(e, uri, resource);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri, ResourceInfo resource) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(InvalidParameters.publicName(fieldOf(v), v, resource), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
        return ProblemResponses.of(Problem.of(CommonProblem.VALIDATION_FAILED, detail, uri.getPath(), violations, Map.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted; it is bad input.
            Problem.Violation violation = InvalidParameters.find(resource, uri);
            String detail = violation == null
                    ? "A path or query parameter has a value of the wrong type or an unknown value"
                    : "Parameter '" + violation.field() + "' " + violation.message();
            return ProblemResponses.of(Problem.of(CommonProblem.INVALID_PARAMETER, detail, uri.getPath(),
                    violation == null ? List.of() : List.of(violation), Map.of()));
        }
        CommonProblem type = CommonProblem.forStatus(status);
        // The framework's own wording ("did not match the value in @Consumes") never reaches a client.
        String detail = httpDetail(status);
        var response = Response.status(type == CommonProblem.BAD_REQUEST ? status : type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, detail, uri.getPath(), List.of(), Map.of()));
        for (String header : KEPT_HEADERS) {
            String value = e.getResponse().getHeaderString(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }

    /**
     * A number that is valid JSON but does not fit the field (e.g. {@code 1e30} or 2^63 for a whole number): the
     * parser stops before the field is known to the mapper, so the field's path comes from the parser.
     */
    @ServerExceptionMapper
    public Response outOfRange(InputCoercionException e, UriInfo uri) {
        String field = e.getProcessor() == null ? "" : shortened(pathOf(e.getProcessor().getParsingContext()));
        String message = "is out of range for " + describe(e.getTargetType());
        return ProblemResponses.of(Problem.of(CommonProblem.INVALID_FIELD,
                field.isEmpty() ? "A number " + message : "Field '" + field + "' " + message, uri.getPath(),
                List.of(new Problem.Violation(field, message)), Map.of()));
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class, JsonParseException.class,
            InvalidFormatException.class, ValueInstantiationException.class })
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InputCoercionException range) {
            return outOfRange(range, uri);
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException range) {
            // Wrapped with the field's path by the bean being read.
            String field = shortened(pathOf(mapping.getPath()));
            String message = "is out of range for " + describe(range.getTargetType());
            return ProblemResponses.of(Problem.of(CommonProblem.INVALID_FIELD, "Field '" + field + "' " + message,
                    uri.getPath(), List.of(new Problem.Violation(field, message)), Map.of()));
        }
        String field = shortened(e instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "");
        Problem problem;
        if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token")) {
            problem = Problem.of(CommonProblem.MALFORMED_REQUEST, "The body must be one JSON value with nothing after it",
                    uri.getPath(), List.of(), Map.of());
        } else if (e instanceof PropertyBindingException unknown) {
            problem = Problem.of(CommonProblem.UNKNOWN_FIELD, "Field '" + field + "' is not accepted", uri.getPath(),
                    List.of(new Problem.Violation(field, "unknown field")), Map.of());
        } else if (e instanceof InvalidFormatException format) {
            String message = "'" + shortened(String.valueOf(format.getValue())) + "' is not " + describe(format.getTargetType());
            problem = Problem.of(CommonProblem.INVALID_FIELD, message, uri.getPath(),
                    List.of(new Problem.Violation(field, message)), Map.of());
        } else if (e instanceof ValueInstantiationException || (e instanceof MismatchedInputException && !field.isEmpty())) {
            Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
            String message = target == null ? "has an invalid value" : "must be " + describe(target);
            problem = Problem.of(CommonProblem.INVALID_FIELD, "Field '" + field + "' " + message, uri.getPath(),
                    List.of(new Problem.Violation(field, message)), Map.of());
        } else if (e instanceof MismatchedInputException mismatched) {
            problem = Problem.of(CommonProblem.MALFORMED_REQUEST,
                    "The body must be " + describe(mismatched.getTargetType()), uri.getPath(), List.of(), Map.of());
        } else {
            problem = Problem.of(CommonProblem.MALFORMED_REQUEST, "The body is not valid JSON", uri.getPath(),
                    List.of(), Map.of());
        }
        return ProblemResponses.of(problem);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        SQLException database = retryableDatabaseFailure(e);
        if (database != null) {
            // Nothing was committed (or the commit's outcome is what a retry with the same key finds out).
            Log.warnf("Database unavailable on %s (SQLState %s): %s", uri.getPath(), database.getSQLState(),
                    database.getMessage());
            return Response.fromResponse(ProblemResponses.of(Problem.of(CommonProblem.SERVICE_UNAVAILABLE,
                    "The database could not complete the request; send it again (with the same Idempotency-Key)",
                    uri.getPath(), List.of(), Map.of()))).header(HttpHeaders.RETRY_AFTER, "1").build();
        }
        if (unstorableText(e) != null) {
            // Text PostgreSQL cannot hold (a NUL character) reached a query: the input is wrong, not the server.
            return ProblemResponses.of(Problem.of(CommonProblem.BAD_REQUEST,
                    "A value contains a character that cannot be stored (such as NUL)", uri.getPath(), List.of(), Map.of()));
        }
        SQLException refused = databaseFailure(e, sql -> "23514".equals(sql.getSQLState()),
                Collections.newSetFromMap(new IdentityHashMap<>()));
        if (refused != null) {
            // A value the request validation let through but a CHECK constraint refuses: still the input's
            // fault, and nothing was stored. Logged (the constraint's name only) so the validation can catch up.
            Log.warnf("A CHECK constraint refused the input on %s: %s", uri.getPath(), refused.getMessage());
            return ProblemResponses.of(Problem.of(CommonProblem.VALIDATION_FAILED,
                    "A value is outside what can be stored", uri.getPath(), List.of(), Map.of()));
        }
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return ProblemResponses.of(Problem.of(CommonProblem.INTERNAL_ERROR,
                "The error was logged with id " + errorId, uri.getPath(), List.of(), Map.of("errorId", errorId)));
    }

    /**
     * The database failure behind {@code e} if retrying can succeed: a lost or refused connection
     * (SQLState class 08, an administrator's or crash shutdown 57P01-57P03, no pooled connection in
     * time), or a serialisation failure or deadlock (40001, 40P01); null otherwise.
     */
    static SQLException retryableDatabaseFailure(Throwable e) {
        return databaseFailure(e, ProblemMappers::isRetryable, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** The database's refusal of text it cannot hold (SQLState 22021, 22P05: a NUL character) behind {@code e}; null otherwise. */
    static SQLException unstorableText(Throwable e) {
        return databaseFailure(e, ProblemMappers::isUnstorableText, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isRetryable(SQLException e) {
        if (e instanceof SQLTransientException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null
                && (state.startsWith("08") || state.startsWith("57P0") || state.equals("40001") || state.equals("40P01"));
    }

    private static boolean isUnstorableText(SQLException e) {
        return "22021".equals(e.getSQLState()) || "22P05".equals(e.getSQLState());
    }

    /** Through causes and suppressed exceptions: a failed commit carries the driver's error as suppressed. */
    private static SQLException databaseFailure(Throwable e, Predicate<SQLException> wanted, Set<Throwable> seen) {
        if (e == null || !seen.add(e)) {
            return null;
        }
        if (e instanceof SQLException sql && wanted.test(sql)) {
            return sql;
        }
        SQLException found = databaseFailure(e.getCause(), wanted, seen);
        for (Throwable suppressed : e.getSuppressed()) {
            found = found != null ? found : databaseFailure(suppressed, wanted, seen);
        }
        return found;
    }

    /** A client's value as quoted back in a problem: at most 80 characters, so an answer stays small. */
    static String shortened(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    private static String httpDetail(int status) {
        return switch (status) {
            case 401 -> "Sign in to use this operation";
            case 403 -> "Your role does not allow this operation";
            case 404 -> "Nothing exists at this path";
            case 405 -> "This method is not supported here";
            case 406 -> "Only application/json can be produced";
            case 413 -> "The request body is too large";
            case 415 -> "The body must be application/json";
            default -> null;
        };
    }

    /** The path of the value a parser stopped at: {@code lines[0].quantity}. */
    static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.add(0, "[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.getCurrentName() != null) {
                parts.add(0, at.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    /** The request path of an invalid field, without the Java method and parameter names. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                parts.clear();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getKind() == ElementKind.CONTAINER_ELEMENT ? "" : node.getName();
                if (node.getIndex() != null && !parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                } else if (node.getKey() != null && !parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getKey() + "]");
                }
                if (!name.isEmpty()) {
                    parts.add(name);
                }
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "" : parameter;
        }
        return String.join(".", parts);
    }

    static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            }
        }
        return field.toString();
    }

    /** Names a JSON type for a Java target type, without leaking Java class names. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> jsonName((Enum<?>) constant))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == UUID.class) {
            return type == UUID.class ? "a UUID" : "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String jsonName(Enum<?> constant) {
        try {
            var property = constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return property != null ? property.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }
}
