package io.motcrm.customer.segment;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;

/** Saved segments: supervisors and admins define them, staff list their members (with a purpose). */
@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff")
public class SegmentResource {

    public static final int MAX_PAGE_SIZE = 100;
    static final String JSON = MediaType.APPLICATION_JSON;
    static final String PURPOSE = "Why staff read customer data, at most " + CallerAccess.MAX_PURPOSE_LENGTH + " characters";
    static final String NOT_FOUND = "`segment-not-found`: no such segment";
    static final String RULES = "A rule is {\"conditions\": [{\"field\", \"op\", \"value\"}, ...]}, all of which must hold. "
            + "Fields: lifecycleStage (eq, ne, in; prospect, first_purchase, repeat, loyal, at_risk, lapsed), "
            + "recencyScore, frequencyScore, monetaryScore (eq, gte, lte; 1-5), purchaseCount (eq, gte, lte), "
            + "netSpendMinor, lifetimeValueMinor, daysSinceLastPurchase (gte, lte), topCategory (eq). "
            + "Example: first purchase and no purchase for 14 days = [{\"field\": \"lifecycleStage\", \"op\": \"eq\", "
            + "\"value\": \"first_purchase\"}, {\"field\": \"daysSinceLastPurchase\", \"op\": \"gte\", \"value\": 14}].";

    @Inject
    Segments segments;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "createSegment", summary = "Save a segment: a name and a rule over customer insight",
            description = RULES)
    @APIResponse(responseCode = "201", description = "Saved; Location is the segment",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = SegmentViews.SegmentView.class)))
    @APIResponse(responseCode = "400", description = "`invalid-segment-rule`: the rule is not valid (the detail says why)")
    @APIResponse(responseCode = "409", description = "`segment-name-taken`: another segment has this name")
    public Response create(@HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull SegmentViews.CreateRequest request) {
        return idempotency.execute(key, "segment.create", request, () -> {
            SegmentViews.SegmentView created = segments.create(request, access.name());
            return Response.created(URI.create("/api/v1/segments/" + created.id())).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "listSegments", summary = "The saved segments, by name")
    @APIResponse(responseCode = "200", description = "One page of segments",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = SegmentViews.SegmentPage.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED)
    public SegmentViews.SegmentPage list(@Parameter(description = PURPOSE) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        access.requirePurpose(purpose);
        return segments.list(page, size);
    }

    @GET
    @Path("/{segmentId}")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "getSegment", summary = "A segment")
    @APIResponse(responseCode = "200", description = "The segment",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = SegmentViews.SegmentView.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public SegmentViews.SegmentView get(@PathParam("segmentId") UUID segmentId,
            @Parameter(description = PURPOSE) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose) {
        access.requirePurpose(purpose);
        return segments.get(segmentId);
    }

    @GET
    @Path("/{segmentId}/members")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "listSegmentMembers", summary = "The active customers matching the segment's rule now, by id",
            description = "Evaluated over each customer's insight (stage and value current, RFM from the last full run).")
    @APIResponse(responseCode = "200", description = "One page of members",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = SegmentViews.MemberPage.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public SegmentViews.MemberPage members(@PathParam("segmentId") UUID segmentId,
            @Parameter(description = PURPOSE) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        access.requirePurpose(purpose);
        return segments.members(segmentId, page, size);
    }
}
