package io.motcrm.loyalty.partner;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Staff manage partner companies (admins write) and read their settlements. */
@Path("/api/v1/loyalty/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partners (staff)")
public class PartnerAdminResource {

    @Inject
    Partners partners;

    @Inject
    Idempotency idempotency;

    @RegisterForReflection
    record UpdateCommand(String id, PartnerUpdate update) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a partner company (requires an Idempotency-Key)")
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull PartnerRequest request) {
        return idempotency.execute(key, "partner.create", request, () -> {
            PartnerView partner = partners.create(request);
            return Response.created(URI.create("/api/v1/loyalty/partners/" + partner.id())).entity(partner).build();
        });
    }

    @PUT
    @Path("/{partnerId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a partner's name, rates or status (requires an Idempotency-Key)")
    public Response update(@PathParam("partnerId") String partnerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull PartnerUpdate update) {
        return idempotency.execute(key, "partner.update", new UpdateCommand(partnerId, update),
                () -> Response.ok(partners.update(partnerId, update)).build());
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "All partner companies")
    public List<PartnerView> list() {
        return partners.list();
    }

    @GET
    @Path("/{partnerId}")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    public PartnerView get(@PathParam("partnerId") String partnerId) {
        return partners.get(partnerId);
    }

    @GET
    @Path("/{partnerId}/settlements/{month}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "A partner's settlement statement for a month (YYYY-MM, UTC)")
    public Settlement settlement(@PathParam("partnerId") String partnerId, @PathParam("month") String month) {
        return partners.settlement(partnerId, month);
    }
}
