package io.motcrm.loyalty.donation;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;

/** Registered charities: admins register them, everyone signed in lists them, staff read statements. */
@Path("/api/v1/loyalty/charities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Charities")
public class CharityResource {

    @Inject
    Donations donations;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a charity (requires an Idempotency-Key)")
    public Response register(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull CharityRequest request) {
        return idempotency.execute(key, "charity.register", request, () -> {
            CharityView charity = donations.register(request);
            return Response.created(URI.create("/api/v1/loyalty/charities/" + charity.id())).entity(charity).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    public List<CharityView> list() {
        return donations.charities();
    }

    @GET
    @Path("/{charityId}/statement")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Donations a charity received in [from, to) (ISO-8601 instants; default: all)")
    public CharityStatement statement(@PathParam("charityId") String charityId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return donations.statement(charityId, instant(from, Instant.EPOCH), instant(to, Instant.parse("9999-01-01T00:00:00Z")));
    }

    private static Instant instant(String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(CommonProblem.INVALID_PARAMETER, "'" + text + "' is not an ISO-8601 instant");
        }
    }
}
