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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;

/** Saved segments: supervisors and admins define them, staff list their members (with a purpose). */
@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
public class SegmentResource {

    public static final int MAX_PAGE_SIZE = 100;
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
    @Operation(summary = "Save a segment (requires an Idempotency-Key)", description = RULES)
    public Response create(@HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull SegmentViews.CreateRequest request) {
        return idempotency.execute(key, "segment.create", request, () -> {
            SegmentViews.SegmentView created = segments.create(request, access.name());
            return Response.created(URI.create("/api/v1/segments/" + created.id())).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The saved segments, by name")
    public SegmentViews.SegmentPage list(@HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        access.requirePurpose(purpose);
        return segments.list(page, size);
    }

    @GET
    @Path("/{segmentId}")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "A segment")
    public SegmentViews.SegmentView get(@PathParam("segmentId") UUID segmentId,
            @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose) {
        access.requirePurpose(purpose);
        return segments.get(segmentId);
    }

    @GET
    @Path("/{segmentId}/members")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The active customers matching the segment's rule now, by id",
            description = "Evaluated over each customer's insight (stage and value current, RFM from the last full run).")
    public SegmentViews.MemberPage members(@PathParam("segmentId") UUID segmentId,
            @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        access.requirePurpose(purpose);
        return segments.members(segmentId, page, size);
    }
}
