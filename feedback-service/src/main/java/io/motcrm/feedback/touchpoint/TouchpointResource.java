package io.motcrm.feedback.touchpoint;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;

/** The MOT map: admins change it, every signed-in caller reads it. */
@Path("/api/v1/touchpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TouchpointResource {

    @Inject
    Clock clock;

    static final String VALID_FOR = "How long the link works, as an ISO-8601 duration (e.g. P30D); the configured "
            + "default (P180D unless set otherwise) when absent";

    @Inject
    PublicLinks links;

    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.PARTNER, Roles.SERVICE })
    @Tag(name = "Customer app")
    @Tag(name = "Staff")
    @Tag(name = "Partner")
    @Operation(operationId = "listTouchpoints", summary = "List touchpoints, by code; inactive ones only when asked")
    public List<TouchpointView> list(@QueryParam("includeInactive") boolean includeInactive) {
        List<Touchpoint> found = includeInactive ? Touchpoint.list("order by code") : Touchpoint.list("active = true order by code");
        return found.stream().map(Touchpoint::view).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.PARTNER, Roles.SERVICE })
    @Tag(name = "Customer app")
    @Tag(name = "Staff")
    @Tag(name = "Partner")
    @Operation(operationId = "getTouchpoint", summary = "Read one touchpoint")
    @APIResponse(responseCode = "200", description = "The touchpoint")
    @APIResponse(responseCode = "404", description = "`touchpoint-not-found`: no touchpoint has this code")
    public TouchpointView get(@PathParam("code") String code) {
        return Touchpoint.byCode(code).view();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Tag(name = "Operator")
    @Operation(operationId = "createTouchpoint", summary = "Add a touchpoint to the MOT map")
    @APIResponse(responseCode = "201", description = "Added; Location is the touchpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TouchpointView.class)))
    @APIResponse(responseCode = "409", description = "`touchpoint-exists`: a touchpoint has this code already")
    public Response create(@Valid @NotNull TouchpointRequest request) {
        if (Touchpoint.findByCode(request.code()).isPresent()) {
            throw new ProblemException(FeedbackProblem.TOUCHPOINT_EXISTS, "Touchpoint '" + request.code() + "' exists");
        }
        Touchpoint touchpoint = new Touchpoint();
        touchpoint.id = UUID.randomUUID();
        touchpoint.code = request.code();
        touchpoint.createdAt = clock.instant();
        apply(touchpoint, request);
        touchpoint.persist();
        return Response.created(URI.create("/api/v1/touchpoints/" + touchpoint.code)).entity(touchpoint.view()).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Tag(name = "Operator")
    @Operation(operationId = "updateTouchpoint", summary = "Change a touchpoint (its code stays)",
            description = "Omitted fields are unchanged: the body names only what changes (name, channel, stage, team, "
                    + "active). A retired touchpoint stays retired unless the body says `\"active\": true`. The code is "
                    + "the path's; the body need not repeat it, and may not name another.")
    @APIResponse(responseCode = "200", description = "The changed touchpoint")
    @APIResponse(responseCode = "400", description = "`validation-failed`: a field is blank or too long; "
            + "`invalid-field`: an unknown channel or stage")
    @APIResponse(responseCode = "404", description = "`touchpoint-not-found`: no touchpoint has this code")
    @APIResponse(responseCode = "422", description = "`touchpoint-code-mismatch`: the body names another code than the "
            + "path's; a touchpoint's code never changes")
    public TouchpointView update(@PathParam("code") String code, @Valid @NotNull TouchpointUpdate change) {
        Touchpoint touchpoint = Touchpoint.byCode(code);
        if (change.code() != null && !code.equals(change.code())) {
            throw new ProblemException(FeedbackProblem.TOUCHPOINT_CODE_MISMATCH, "The body names '" + change.code()
                    + "' but the path '" + code + "'; a touchpoint's code never changes (leave it out of the body)");
        }
        if (change.name() != null) {
            touchpoint.name = change.name().strip();
        }
        if (change.channel() != null) {
            touchpoint.channel = change.channel();
        }
        if (change.stage() != null) {
            touchpoint.stage = change.stage();
        }
        if (change.team() != null) {
            touchpoint.team = change.team().strip();
        }
        if (change.active() != null) {
            touchpoint.active = change.active();
        }
        touchpoint.updatedAt = clock.instant();
        return touchpoint.view();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Tag(name = "Operator")
    @Operation(operationId = "retireTouchpoint", summary = "Retire a touchpoint: it stays in history and analytics but "
            + "takes no new feedback")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "404", description = "`touchpoint-not-found`: no touchpoint has this code")
    public void retire(@PathParam("code") String code) {
        Touchpoint touchpoint = Touchpoint.byCode(code);
        touchpoint.active = false;
        touchpoint.updatedAt = clock.instant();
    }

    @POST
    @Path("/{code}/public-link")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Operator")
    @Operation(operationId = "issueTouchpointPublicLink", summary = "Issue a signed public link of a touchpoint, for "
            + "anonymous feedback: it works until it expires or the touchpoint's links are rotated")
    @APIResponse(responseCode = "200", description = "The token and the link carrying it, with its version and expiry")
    @APIResponse(responseCode = "400", description = "`invalid-parameter`: `validFor` is not an ISO-8601 duration above "
            + "zero and within the configured maximum (`maxValidity`)")
    @APIResponse(responseCode = "404", description = "`touchpoint-not-found`: no touchpoint has this code")
    public PublicLink publicLink(@PathParam("code") String code, @Parameter(description = VALID_FOR) @QueryParam("validFor") String validFor) {
        Duration validity = links.validity(validFor);
        return links.issue(Touchpoint.byCode(code), validity);
    }

    @POST
    @Path("/{code}/public-link/rotation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Operator")
    @Operation(operationId = "rotateTouchpointPublicLinks", summary = "Revoke every public link of a touchpoint issued so "
            + "far (Idempotency-Key required) and issue one of the new version",
            description = "For a lost or misused printed code: a customer using an earlier link gets 410 `link-revoked` "
                    + "with a message asking them to ask staff for the current one.")
    @APIResponse(responseCode = "200", description = "The new link; earlier links no longer work",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicLink.class)))
    @APIResponse(responseCode = "400", description = "`invalid-parameter`: `validFor` is not an ISO-8601 duration above "
            + "zero and within the configured maximum (`maxValidity`)")
    @APIResponse(responseCode = "404", description = "`touchpoint-not-found`: no touchpoint has this code")
    public Response rotatePublicLinks(@PathParam("code") String code, @HeaderParam(Idempotency.HEADER) String key,
            @Parameter(description = VALID_FOR) @QueryParam("validFor") String validFor) {
        Duration validity = links.validity(validFor);
        Map<String, String> request = Map.of("touchpoint", code, "validFor", validFor == null ? "" : validFor.strip());
        return idempotency.execute(key, "touchpoint.rotate-links", request,
                () -> Response.ok(links.rotate(code, validity)).build());
    }

    private void apply(Touchpoint touchpoint, TouchpointRequest request) {
        touchpoint.name = request.name().strip();
        touchpoint.channel = request.channel();
        touchpoint.stage = request.stage();
        touchpoint.team = request.team().strip();
        touchpoint.active = request.active() == null || request.active();
        touchpoint.updatedAt = clock.instant();
    }
}
