package io.motcrm.customer.audience;

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

/** Campaign audiences: only consenting customers under the contact-frequency cap. */
@Path("/api/v1/audiences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AudienceResource {

    public static final int MAX_PAGE_SIZE = 1000;

    @Inject
    Audiences audiences;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "listCampaignAudience", summary = "The segment's members a campaign may contact on a channel",
            description = "Only customers whose current consent for the channel (marketing_email, marketing_sms, "
                    + "marketing_push) is granted and who had fewer than motcrm.audience.cap (4) marketing contacts, "
                    + "on any channel, in the last motcrm.audience.window (30 days).")
    @APIResponse(responseCode = "200", description = "One page of the audience",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AudienceViews.AudiencePage.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = "`segment-not-found`: no such segment")
    public AudienceViews.AudiencePage audience(
            @Parameter(description = "Why staff read customer data, at most " + CallerAccess.MAX_PURPOSE_LENGTH
                    + " characters") @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @QueryParam("segmentId") @NotNull UUID segmentId, @QueryParam("channel") @NotNull MarketingChannel channel,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        access.requirePurpose(purpose);
        return audiences.audience(segmentId, channel, page, size);
    }

    @POST
    @Path("/contacts")
    @RolesAllowed({ Roles.SERVICE, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Tag(name = "Internal")
    @Operation(operationId = "recordMarketingContacts", summary = "Record the contacts a campaign makes",
            description = "Each customer is checked again (consent, cap) and either recorded, counting against the "
                    + "cap, or listed under skipped with the reason. Send only to the recorded ones. Answers 200: "
                    + "the contacts are counted, not resources of their own to read back.")
    @APIResponse(responseCode = "200", description = "The customers recorded and those skipped, with the reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AudienceViews.ContactResult.class)))
    public Response record(@HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull AudienceViews.ContactRequest request) {
        return idempotency.execute(key, "audience.contacts", request,
                () -> Response.ok(audiences.record(request, access.name())).build());
    }
}
