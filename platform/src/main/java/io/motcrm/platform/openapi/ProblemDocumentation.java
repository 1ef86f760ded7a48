package io.motcrm.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Documents the answers every operation shares, once for all services ({@code mp.openapi.filter}):
 * <ul>
 * <li>every 4xx and 5xx answer is {@code application/problem+json} with the one {@code Problem} schema, and
 * lists the problem codes it can carry in {@code x-problem-codes};</li>
 * <li>the errors an operation can give by its shape: 400 for bad input, 401 and 403 where it needs a role (401
 * also where it needs none: a bearer token that is sent must be valid), 404 where it names a resource, the
 * Idempotency-Key problems (400, 409, 422) where it takes one, 413 and 415 where it may get a body, 406 (an
 * Accept header it cannot serve), 500 and 503 everywhere;</li>
 * <li>{@code Location} on 201, {@code Idempotent-Replayed} on the success answers of an idempotent write,
 * {@code Retry-After} on 409 (a request still running), 429 and 503.</li>
 * </ul>
 * A resource documents its own problems with {@code @APIResponse(responseCode = "409", description =
 * "`redemption-not-authorized`, `hold-expired`: when ...; `other-code`: when ...")}: each code in backquotes
 * followed by a comma or a colon is one the answer can carry.
 */
@RegisterForReflection
public class ProblemDocumentation implements OASFilter {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String VIOLATION_SCHEMA = "Violation";
    public static final String CODES_EXTENSION = "x-problem-codes";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /**
     * On a 201 whose creation cannot be read back (a one-time code, a booking known by the client's reference):
     * why it has no Location.
     */
    public static final String NO_LOCATION = "x-no-location";

    private static final Pattern CODE = Pattern.compile("`([a-z0-9]+(?:-[a-z0-9]+)*)`(?=\\s*[:,])");
    private static final Set<String> GENERIC_DESCRIPTIONS = Set.of("Bad Request", "Not Authorized", "Not Allowed",
            "Not Found", "Conflict", "Unauthorized", "Forbidden");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ProblemDocumentation::nullableUnlessRequired);
        }
        components.addSchema(VIOLATION_SCHEMA, violationSchema());
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(method, item, operation)));
    }

    private void document(PathItem.HttpMethod method, PathItem item, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean isIdempotent = false;
        boolean hasPathParameter = false;
        boolean hasParameter = false;
        for (Parameter parameter : parameters) {
            if (parameter.getIn() == Parameter.In.HEADER && Idempotency.HEADER.equalsIgnoreCase(parameter.getName())) {
                isIdempotent = true;
                parameter.setRequired(true);
                if (parameter.getDescription() == null) {
                    parameter.setDescription("A key the client makes for this write (e.g. a UUID); a retry with the same "
                            + "key and body replays the first answer, with Idempotent-Replayed: true");
                }
            } else if (parameter.getIn() == Parameter.In.PATH) {
                hasPathParameter = true;
                hasParameter = true;
            } else if (parameter.getIn() == Parameter.In.QUERY) {
                hasParameter = true;
            }
        }
        boolean idempotent = isIdempotent;
        boolean hasBody = operation.getRequestBody() != null;
        // Needs a role: Quarkus gives such operations a security requirement and its own 401/403 answers. A 401 a
        // resource declares itself (e.g. an anonymous page's invalid link token) does not make it one.
        boolean secured = (operation.getSecurity() != null && !operation.getSecurity().isEmpty())
                || isAutomatic(responses.getAPIResponse("401")) || isAutomatic(responses.getAPIResponse("403"));

        // What the shape of the operation can give, next to what the resource declared.
        Map<String, Set<String>> implied = new TreeMap<>();
        if (hasBody) {
            add(implied, CommonProblem.MALFORMED_REQUEST, CommonProblem.INVALID_FIELD, CommonProblem.UNKNOWN_FIELD,
                    CommonProblem.VALIDATION_FAILED, CommonProblem.PAYLOAD_TOO_LARGE, CommonProblem.UNSUPPORTED_MEDIA_TYPE);
        } else if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            // A write that takes no body still refuses one it cannot read.
            add(implied, CommonProblem.PAYLOAD_TOO_LARGE, CommonProblem.UNSUPPORTED_MEDIA_TYPE);
        }
        if (hasParameter) {
            add(implied, CommonProblem.INVALID_PARAMETER, CommonProblem.VALIDATION_FAILED);
        }
        if (idempotent) {
            add(implied, CommonProblem.IDEMPOTENCY_KEY_MISSING, CommonProblem.IDEMPOTENCY_KEY_INVALID,
                    CommonProblem.IDEMPOTENCY_REQUEST_IN_FLIGHT, CommonProblem.IDEMPOTENCY_KEY_REUSED);
        }
        if (secured) {
            add(implied, CommonProblem.UNAUTHORIZED, CommonProblem.FORBIDDEN);
        } else {
            // No token is needed, but one that is sent must be valid (the bearer token is checked before any resource).
            add(implied, CommonProblem.UNAUTHORIZED);
        }
        if (hasPathParameter) {
            add(implied, CommonProblem.NOT_FOUND);
        }
        add(implied, CommonProblem.NOT_ACCEPTABLE, CommonProblem.INTERNAL_ERROR, CommonProblem.SERVICE_UNAVAILABLE);

        Map<String, APIResponse> all = new LinkedHashMap<>(responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses());
        implied.keySet().forEach(status -> all.putIfAbsent(status, OASFactory.createAPIResponse()));
        Map<String, APIResponse> ordered = new TreeMap<>(all);
        responses.setAPIResponses(new LinkedHashMap<>());
        ordered.forEach((status, response) -> {
            if (isError(status)) {
                documentProblem(status, response, implied.getOrDefault(status, Set.of()));
            } else {
                documentSuccess(status, response, idempotent);
            }
            responses.addAPIResponse(status, response);
        });
    }

    private static void documentProblem(String status, APIResponse response, Set<String> impliedCodes) {
        Set<String> codes = new LinkedHashSet<>();
        String description = response.getDescription();
        if (description != null) {
            // "`code-a`, `code-b`: when ...; `code-c`: when ...": a code is followed by a comma or a colon.
            Matcher matcher = CODE.matcher(description);
            while (matcher.find()) {
                codes.add(matcher.group(1));
            }
        }
        codes.addAll(impliedCodes);
        if (description == null || description.isBlank() || GENERIC_DESCRIPTIONS.contains(description)) {
            description = codes.isEmpty() ? "A problem" : "Problem codes: " + String.join(", ", codes.stream().map(c -> "`" + c + "`").toList());
        } else {
            List<String> missing = codes.stream().filter(c -> !response.getDescription().contains("`" + c + "`")).toList();
            if (!missing.isEmpty()) {
                description = description + "; also " + String.join(", ", missing.stream().map(c -> "`" + c + "`").toList());
            }
        }
        response.setDescription(description);
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(ref(PROBLEM_SCHEMA))));
        if (!codes.isEmpty()) {
            response.addExtension(CODES_EXTENSION, new ArrayList<>(codes));
        }
        if (status.equals("429") || status.equals("503") || codes.contains(CommonProblem.IDEMPOTENCY_REQUEST_IN_FLIGHT.code())) {
            addHeader(response, "Retry-After", "Seconds to wait before trying again", integer());
        }
    }

    private static void documentSuccess(String status, APIResponse response, boolean idempotent) {
        if (status.equals("201") && (response.getExtensions() == null || !response.getExtensions().containsKey(NO_LOCATION))) {
            addHeader(response, "Location", "The created resource's path", string());
        }
        if (idempotent && status.startsWith("2")) {
            addHeader(response, REPLAYED_HEADER, "`true` when this is the stored answer of an earlier request with the same "
                    + "Idempotency-Key", OASFactory.createSchema().addType(SchemaType.STRING).enumeration(List.of("true")));
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(status.equals("201") ? "Created" : status.equals("204") ? "No content" : "OK");
        }
    }

    private static void addHeader(APIResponse response, String name, String description, Schema schema) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        Header header = OASFactory.createHeader().description(description).schema(schema);
        response.addHeader(name, header);
    }

    /**
     * Jackson writes an absent value as {@code null}: a member an object schema does not require may be null,
     * so the schema says so ({@code type: [string, "null"]}, or {@code anyOf} a reference and null). A member
     * that is always there is listed in {@code required} ({@code @Schema(required = true)}) and stays non-null.
     */
    static void nullableUnlessRequired(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.forEach((name, property) -> {
            nullableUnlessRequired(property);
            if (property.getItems() != null) {
                nullableUnlessRequired(property.getItems());
            }
            if (!required.contains(name)) {
                schema.addProperty(name, nullable(property));
            }
        });
    }

    private static Schema nullable(Schema property) {
        if (property.getType() != null && !property.getType().isEmpty() && property.getRef() == null) {
            if (!property.getType().contains(SchemaType.NULL)) {
                property.addType(SchemaType.NULL);
            }
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                property.addEnumeration(null);
            }
            return property;
        }
        if (property.getRef() != null || property.getAllOf() != null || property.getOneOf() != null || property.getAnyOf() != null) {
            boolean alreadyNullable = property.getAnyOf() != null
                    && property.getAnyOf().stream().anyMatch(option -> option.getType() != null && option.getType().contains(SchemaType.NULL));
            if (alreadyNullable) {
                return property;
            }
            Schema wrapped = OASFactory.createSchema().addAnyOf(property).addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
            if (property.getDescription() != null) {
                wrapped.setDescription(property.getDescription());
            }
            return wrapped;
        }
        return property; // no type: any value, null included
    }

    private static boolean isAutomatic(APIResponse response) {
        return response != null && ("Not Authorized".equals(response.getDescription())
                || "Not Allowed".equals(response.getDescription()));
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static void add(Map<String, Set<String>> implied, CommonProblem... problems) {
        for (CommonProblem problem : problems) {
            implied.computeIfAbsent(String.valueOf(problem.status()), status -> new LinkedHashSet<>()).add(problem.code());
        }
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema integer() {
        return OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32");
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One invalid field or parameter: its path in the request (dotted, with indexes) and what is wrong")
                .addProperty("field", string().description("e.g. `lines[0].quantity`, or a parameter's name"))
                .addProperty("message", string())
                .required(List.of("field", "message"))
                .additionalPropertiesBoolean(false);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem: `code` is stable and meant for programs, `detail` for people. "
                        + "Members beyond these are specific to a problem code (e.g. `currentStatus`, `retryAfter`).")
                .addProperty("type", string().format("uri-reference").description("`urn:motcrm:problem:<code>`"))
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", string())
                .addProperty("instance", string().format("uri-reference"))
                .addProperty("code", string().pattern("^[a-z0-9]+(-[a-z0-9]+)*$"))
                .addProperty("violations", OASFactory.createSchema().addType(SchemaType.ARRAY).items(ref(VIOLATION_SCHEMA)))
                .required(List.of("type", "title", "status", "code"));
    }
}
