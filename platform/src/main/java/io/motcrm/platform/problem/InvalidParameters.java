package io.motcrm.platform.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

/**
 * Which path or query parameter of the matched resource method could not be converted, and what it takes:
 * JAX-RS only says that one of them failed (a 404 with the converter's exception as cause).
 */
final class InvalidParameters {

    private InvalidParameters() {
    }

    /** The first parameter whose value does not convert to its declared type; null if none can be named. */
    static Problem.Violation find(ResourceInfo resource, UriInfo uri) {
        Method method;
        try {
            method = resource == null ? null : resource.getResourceMethod();
        } catch (RuntimeException e) {
            return null;
        }
        if (method == null) {
            return null;
        }
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            for (Annotation annotation : annotations[i]) {
                String name = null;
                List<String> values = List.of();
                if (annotation instanceof PathParam path) {
                    name = path.value();
                    values = uri.getPathParameters().getOrDefault(name, List.of());
                } else if (annotation instanceof QueryParam query) {
                    name = query.value();
                    values = uri.getQueryParameters().getOrDefault(name, List.of());
                }
                for (String value : values) {
                    if (!converts(types[i], value)) {
                        return new Problem.Violation(name, "must be " + expected(types[i]));
                    }
                }
            }
        }
        return null;
    }

    /**
     * A violation on a whole method parameter is named as the client knows it: a header, path or query parameter
     * by its HTTP name, the request body as {@code body}, never by the Java parameter's name.
     */
    static String publicName(String field, jakarta.validation.ConstraintViolation<?> violation, ResourceInfo resource) {
        jakarta.validation.Path.Node last = null;
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            last = node;
        }
        if (last == null || last.getKind() != jakarta.validation.ElementKind.PARAMETER) {
            return field;
        }
        int index = last.as(jakarta.validation.Path.ParameterNode.class).getParameterIndex();
        Method method;
        try {
            method = resource == null ? null : resource.getResourceMethod();
        } catch (RuntimeException e) {
            return field;
        }
        if (method == null || index >= method.getParameterCount()) {
            return field;
        }
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            if (annotation instanceof PathParam path) {
                return path.value();
            } else if (annotation instanceof QueryParam query) {
                return query.value();
            } else if (annotation instanceof jakarta.ws.rs.HeaderParam header) {
                return header.value();
            } else if (annotation instanceof jakarta.ws.rs.core.Context
                    || annotation.annotationType().getName().startsWith("org.jboss.resteasy.reactive.Rest")) {
                return field;
            }
        }
        return "body";
    }

    private static boolean converts(Class<?> type, String value) {
        try {
            if (type == UUID.class) {
                return UUID.fromString(value).toString().equalsIgnoreCase(value);
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).anyMatch(constant -> ((Enum<?>) constant).name().equals(value));
            } else if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == boolean.class || type == Boolean.class) {
                return value.equals("true") || value.equals("false");
            } else if (type == LocalDate.class) {
                LocalDate.parse(value);
            } else if (type == Instant.class) {
                Instant.parse(value);
            } else if (type == YearMonth.class) {
                YearMonth.parse(value);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == YearMonth.class) {
            return "a month (YYYY-MM)";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant (e.g. 2026-01-31T09:00:00Z)";
        }
        return ProblemMappers.describe(type);
    }
}
