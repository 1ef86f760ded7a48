package io.motcrm.gateway.aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.motcrm.platform.web.CorrelationId;
import io.motcrm.gateway.GatewayConfig;
import io.motcrm.gateway.GatewayProblem;
import io.motcrm.gateway.aggregate.UpstreamReads.Read;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own operations: the customer 360 (one call gathering what the three services know,
 * each section on its own deadline, a missing section marked unavailable) and the privacy export
 * (all or nothing: an export missing a service's part is refused, not given out as if complete).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerViewResource {

    public static final String PURPOSE_HEADER = "X-Access-Purpose";
    public static final int MAX_PURPOSE_LENGTH = 200;

    static final String CUSTOMERS = "customer-api";
    static final String FEEDBACK = "feedback-api";
    static final String LOYALTY = "loyalty-api";

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    UpstreamReads reads;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    /** One part of the 360: the service's data, or why it is missing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Section(@Schema(required = true, enumeration = { "available", "unavailable" }) String status,
            @Schema(description = "The service's answer, when available") JsonNode data,
            @Schema(description = "Why the section is missing, when unavailable") String reason) {

        static Section of(Read read, String field) {
            if (!read.ok()) {
                return new Section("unavailable", null, read.reason());
            }
            JsonNode data = field == null ? read.body() : read.body().get(field);
            return data == null || data.isNull() ? new Section("unavailable", null, "missing " + field)
                    : new Section("available", data, null);
        }
    }

    @Schema(requiredProperties = { "customerId", "profile", "points", "openCases", "recentFeedback", "nps" })
    public record Customer360(UUID customerId, Section profile, Section points, Section openCases,
            Section recentFeedback, Section nps) {
    }

    @Schema(requiredProperties = { "customerId", "exportedAt", "services" })
    public record PrivacyExport(UUID customerId, Instant exportedAt,
            @Schema(description = "Each service's part, by the service's name") Map<String, JsonNode> services) {
    }

    @GET
    @Path("/customers/{customerId}/360")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Tag(name = "Staff")
    @Operation(operationId = "getCustomer360", summary = "Customer 360: profile, points and tier, open cases, recent feedback and NPS",
            description = "Staff state their purpose in X-Access-Purpose; a customer may see only their own (the "
                    + "customer app uses getMy360). Each section comes from one service; a service that fails or is slow gives "
                    + "{\"status\":\"unavailable\"} for its sections while the rest still answers.")
    @APIResponse(responseCode = "200", description = "The view; some sections may be unavailable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Customer360.class)))
    @APIResponse(responseCode = "400", description = "`access-purpose-required`: staff without X-Access-Purpose")
    @APIResponse(responseCode = "404", description = "`customer-not-found`: no such customer, or not the caller's own")
    public Uni<Customer360> view(@PathParam("customerId") UUID customerId,
            @Parameter(description = "Why staff look at this customer (audited)") @HeaderParam(PURPOSE_HEADER) String purpose,
            @Context RoutingContext context) {
        authorize(customerId, purpose);
        Map<String, String> headers = headers(purpose, context);
        Duration deadline = config.aggregates().sectionTimeout();
        String id = customerId.toString();
        return Uni.combine().all().unis(
                reads.get(CUSTOMERS, "/api/v1/customers/" + id, headers, deadline),
                reads.get(LOYALTY, "/api/v1/loyalty/customers/" + id + "/balance", headers, deadline),
                reads.get(FEEDBACK, "/api/v1/feedback/customers/" + id + "/summary", headers, deadline))
                .asTuple()
                .map(all -> {
                    Read profile = all.getItem1();
                    refuseIfTheServiceSaysNo(customerId, profile);
                    Read summary = all.getItem3();
                    return new Customer360(customerId, Section.of(profile, null), Section.of(all.getItem2(), null),
                            Section.of(summary, "openCases"), Section.of(summary, "recentFeedback"),
                            Section.of(summary, "nps"));
                });
    }

    @GET
    @Path("/me/360")
    @RolesAllowed(Roles.CUSTOMER)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Tag(name = "Customer app")
    @Operation(operationId = "getMy360", summary = "The signed-in customer's own overview: profile, points and tier, "
            + "open cases, recent feedback", description = "The same sections as the staff view, for the customer the "
                    + "token names.")
    @APIResponse(responseCode = "200", description = "The view; some sections may be unavailable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Customer360.class)))
    @APIResponse(responseCode = "404", description = "`customer-not-found`: the token names no customer")
    public Uni<Customer360> viewMine(@Context RoutingContext context) {
        UUID customerId = caller.customerId().orElseThrow(
                () -> new ProblemException(GatewayProblem.CUSTOMER_NOT_FOUND, "The token names no customer"));
        return view(customerId, null, context);
    }

    @GET
    @Path("/me/export")
    @RolesAllowed(Roles.CUSTOMER)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Tag(name = "Customer app")
    @Operation(operationId = "exportMyData", summary = "Everything MOT CRM holds about the signed-in customer, from all services, as one document",
            description = "Refused with 503 (export-incomplete) when any service cannot give its part.")
    @APIResponse(responseCode = "200", description = "The complete export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PrivacyExport.class)))
    @APIResponse(responseCode = "404", description = "`customer-not-found`: the token names no customer")
    @APIResponse(responseCode = "503", description = "`export-incomplete`: a service's part is missing; try again later")
    public Uni<PrivacyExport> exportMine(@Context RoutingContext context) {
        UUID customerId = caller.customerId().orElseThrow(
                () -> new ProblemException(GatewayProblem.CUSTOMER_NOT_FOUND, "The token names no customer"));
        return export(customerId, headers(null, context));
    }

    @GET
    @Path("/customers/{customerId}/export")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Tag(name = "Staff")
    @Operation(operationId = "exportCustomerData", summary = "Everything MOT CRM holds about a customer, from all services, as one document (staff)",
            description = "Staff state their purpose in X-Access-Purpose. Refused with 503 (export-incomplete) "
                    + "when any service cannot give its part.")
    @APIResponse(responseCode = "200", description = "The complete export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PrivacyExport.class)))
    @APIResponse(responseCode = "400", description = "`access-purpose-required`: staff without X-Access-Purpose")
    @APIResponse(responseCode = "404", description = "`customer-not-found`: no such customer")
    @APIResponse(responseCode = "503", description = "`export-incomplete`: a service's part is missing; try again later")
    public Uni<PrivacyExport> exportFor(@PathParam("customerId") UUID customerId,
            @Parameter(description = "Why staff export this customer's data (audited)") @HeaderParam(PURPOSE_HEADER) String purpose,
            @Context RoutingContext context) {
        requirePurpose(purpose);
        return export(customerId, headers(purpose, context));
    }

    private Uni<PrivacyExport> export(UUID customerId, Map<String, String> headers) {
        Duration deadline = config.aggregates().exportTimeout();
        String id = customerId.toString();
        Instant at = clock.instant();
        return Uni.combine().all().unis(
                reads.get(CUSTOMERS, "/api/v1/customers/" + id + "/export", headers, deadline),
                reads.get(LOYALTY, "/api/v1/loyalty/customers/" + id + "/export", headers, deadline),
                reads.get(FEEDBACK, "/api/v1/feedback/customers/" + id + "/export", headers, deadline))
                .asTuple()
                .map(all -> {
                    refuseIfTheServiceSaysNo(customerId, all.getItem1());
                    Map<String, Read> parts = new LinkedHashMap<>();
                    parts.put("customer-service", all.getItem1());
                    parts.put("loyalty-service", all.getItem2());
                    parts.put("feedback-service", all.getItem3());
                    List<String> missing = new ArrayList<>();
                    Map<String, JsonNode> services = new LinkedHashMap<>();
                    parts.forEach((service, read) -> {
                        if (read.ok()) {
                            services.put(service, read.body());
                        } else {
                            missing.add(service);
                        }
                    });
                    if (!missing.isEmpty()) {
                        throw new ProblemException(GatewayProblem.EXPORT_INCOMPLETE,
                                "No part from " + String.join(", ", missing) + "; try again later")
                                .with("unavailable", missing)
                                .withHeader("Retry-After", "30");
                    }
                    return new PrivacyExport(customerId, at, services);
                });
    }

    /** customer-service decides whether the customer exists and whether this caller may see them. */
    private static void refuseIfTheServiceSaysNo(UUID customerId, Read profile) {
        if (profile.status() == 404) {
            throw new ProblemException(GatewayProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
        if (profile.status() == 401 || profile.status() == 403) {
            throw new ProblemException(CommonProblem.FORBIDDEN, "The caller may not see this customer");
        }
    }

    private void authorize(UUID customerId, String purpose) {
        if (caller.isStaff()) {
            requirePurpose(purpose);
        } else if (!caller.isCustomer(customerId)) {
            throw new ProblemException(GatewayProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
    }

    private static void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE_LENGTH) {
            throw new ProblemException(GatewayProblem.ACCESS_PURPOSE_REQUIRED,
                    "Send " + PURPOSE_HEADER + " with a short reason (at most " + MAX_PURPOSE_LENGTH + " characters)");
        }
    }

    /** The caller's own token goes on, so each service authorizes the caller itself. */
    private Map<String, String> headers(String purpose, RoutingContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        String raw = token == null ? null : token.getRawToken();
        if (raw != null) {
            headers.put("Authorization", "Bearer " + raw);
        }
        if (purpose != null && caller.isStaff()) {
            headers.put(PURPOSE_HEADER, purpose);
        }
        headers.put(CorrelationId.HEADER, CorrelationId.of(context));
        return headers;
    }
}
