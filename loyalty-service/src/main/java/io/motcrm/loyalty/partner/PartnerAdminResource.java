package io.motcrm.loyalty.partner;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.loyalty.Cursors;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Admins manage partner companies; staff read them and their settlements. */
@Path("/api/v1/loyalty/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerAdminResource {

    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final String NO_PARTNER = "`partner-not-found`: no partner with this id";

    @Inject
    Partners partners;

    @Inject
    Idempotency idempotency;

    @RegisterForReflection
    record UpdateCommand(String id, PartnerUpdate update) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Operator")
    @Operation(operationId = "registerPartner", summary = "Register a partner company and open its settlement account")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "409", description = "`partner-exists`: a partner with this id already exists")
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull PartnerRequest request) {
        return idempotency.execute(key, "partner.create", request, () -> {
            PartnerView partner = partners.create(request);
            return Response.created(URI.create("/api/v1/loyalty/partners/" + partner.id())).entity(partner).build();
        });
    }

    @PUT
    @Path("/{partnerId}")
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Operator")
    @Operation(operationId = "updatePartner", summary = "Change a partner's name, rates or status (a suspended partner can neither redeem nor earn)")
    @APIResponse(responseCode = "200", description = "The partner after the change",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", description = NO_PARTNER)
    public Response update(@PathParam("partnerId") String partnerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull PartnerUpdate update) {
        return idempotency.execute(key, "partner.update", new UpdateCommand(partnerId, update),
                () -> Response.ok(partners.update(partnerId, update)).build());
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "listPartners", summary = "All partner companies, by id")
    @APIResponse(responseCode = "200", description = "The partners",
            content = @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PartnerView.class)))
    public List<PartnerView> list() {
        return partners.list();
    }

    @GET
    @Path("/{partnerId}")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getPartner", summary = "One partner company")
    @APIResponse(responseCode = "200", description = "The partner",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", description = NO_PARTNER)
    public PartnerView get(@PathParam("partnerId") String partnerId) {
        return partners.get(partnerId);
    }

    @GET
    @Path("/{partnerId}/settlements/{month}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getSettlementForPartner", summary = "A partner's settlement statement for a month (YYYY-MM, UTC)",
            description = Settlement.PAGING)
    @APIResponse(responseCode = "200", description = "The month's totals and a page of its lines",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Settlement.class)))
    @APIResponse(responseCode = "400", description = Settlement.INVALID)
    @APIResponse(responseCode = "404", description = NO_PARTNER)
    public Settlement settlement(@PathParam("partnerId") String partnerId, @PathParam("month") String month,
            @Parameter(description = Cursors.AFTER) @QueryParam("after") String after,
            @Parameter(description = Settlement.LIMIT) @QueryParam("limit") @DefaultValue("" + Settlement.DEFAULT_LIMIT)
            @Min(1) @Max(Settlement.MAX_LIMIT) int limit) {
        return partners.settlement(partnerId, month, after, limit);
    }
}
