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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;

/** Registered charities: admins register them, everyone signed in lists them, staff read statements. */
@Path("/api/v1/loyalty/charities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CharityResource {

    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final String NO_CHARITY = "`charity-not-found`: no registered charity with this id";

    @Inject
    Donations donations;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Operator")
    @Operation(operationId = "registerCharity", summary = "Register a charity that customers can donate points to")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CharityView.class)))
    @APIResponse(responseCode = "409", description = "`charity-exists`: a charity with this id is already registered")
    public Response register(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull CharityRequest request) {
        return idempotency.execute(key, "charity.register", request, () -> {
            CharityView charity = donations.register(request);
            return Response.created(URI.create("/api/v1/loyalty/charities/" + charity.id())).entity(charity).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Customer app")
    @Tag(name = "Staff")
    @Operation(operationId = "listCharities", summary = "Every registered charity, by id (retired ones included)")
    @APIResponse(responseCode = "200", description = "The charities",
            content = @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CharityView.class)))
    public List<CharityView> list() {
        return donations.charities();
    }

    @GET
    @Path("/{charityId}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Customer app")
    @Tag(name = "Staff")
    @Operation(operationId = "getCharity", summary = "One registered charity")
    @APIResponse(responseCode = "200", description = "The charity",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CharityView.class)))
    @APIResponse(responseCode = "404", description = NO_CHARITY)
    public CharityView get(@PathParam("charityId") String charityId) {
        return donations.charity(charityId);
    }

    @GET
    @Path("/{charityId}/statement")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getCharityStatement",
            summary = "Donations a charity received in [from, to) (ISO-8601 instants; default: all)")
    @APIResponse(responseCode = "200", description = "The donations and the charity's balance",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CharityStatement.class)))
    @APIResponse(responseCode = "400", description = "`invalid-parameter`: from or to is not an ISO-8601 instant")
    @APIResponse(responseCode = "404", description = NO_CHARITY)
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
