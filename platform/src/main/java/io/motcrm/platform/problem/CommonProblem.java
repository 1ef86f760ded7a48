package io.motcrm.platform.problem;

/** Problems every service and the gateway can answer with. */
public enum CommonProblem implements ProblemType {
    MALFORMED_REQUEST("malformed-request", "The request body is not well-formed JSON", 400),
    INVALID_FIELD("invalid-field", "A field has a value of the wrong type or an unknown value", 400),
    INVALID_PARAMETER("invalid-parameter", "A path or query parameter has an invalid value", 400),
    UNKNOWN_FIELD("unknown-field", "The request contains a field this operation does not accept", 400),
    INVALID_CURSOR("invalid-cursor", "The cursor is not one this list gave out", 400),
    VALIDATION_FAILED("validation-failed", "The request is not valid", 400),
    BAD_REQUEST("bad-request", "The request cannot be processed", 400),
    IDEMPOTENCY_KEY_MISSING("idempotency-key-missing", "This operation requires an Idempotency-Key header", 400),
    ACCESS_PURPOSE_REQUIRED("access-purpose-required",
            "Staff must state why they access a customer's data in the X-Access-Purpose header", 400),
    IDEMPOTENCY_KEY_INVALID("idempotency-key-invalid", "The Idempotency-Key header is not valid", 400),
    UNAUTHORIZED("unauthorized", "Authentication is required", 401),
    FORBIDDEN("forbidden", "The caller may not perform this operation", 403),
    NOT_FOUND("not-found", "The resource does not exist", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "The resource does not support this method", 405),
    NOT_ACCEPTABLE("not-acceptable", "None of the accepted media types can be produced", 406),
    CONFLICT("conflict", "The request conflicts with the current state", 409),
    IDEMPOTENCY_REQUEST_IN_FLIGHT("idempotency-request-in-flight",
            "A request with this Idempotency-Key is still being processed", 409),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The request body's media type is not supported", 415),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused",
            "The Idempotency-Key was already used with a different request", 422),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    INTERNAL_ERROR("internal-error", "An unexpected error occurred", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "The service is temporarily unavailable", 503);

    private final Definition definition;

    CommonProblem(String code, String title, int status) {
        this.definition = new Definition(code, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** The common problem for an HTTP status, for errors raised by the HTTP layer itself. */
    public static CommonProblem forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
