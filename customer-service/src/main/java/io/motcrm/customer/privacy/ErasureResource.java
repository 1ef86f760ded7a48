package io.motcrm.customer.privacy;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.consent.SourceChannel;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Erasure of a customer and its progress in each service; the customer's app asks for its own under
 * {@code /api/v1/me/erasure} ({@link MyPrivacyResource}).
 */
@Path("/api/v1/customers/{customerId}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CUSTOMER, Roles.SUPERVISOR, Roles.ADMIN })
@Tag(name = "Staff")
public class ErasureResource {

    static final String JSON = MediaType.APPLICATION_JSON;
    /** The idempotency operation, shared with the /me twin: a retry through either route replays the first answer. */
    static final String ERASE = "customer.erase";
    static final String ERASE_DESCRIPTION = "Anonymises the profile at once (personal data replaced, member and referral "
            + "codes retired, consents withdrawn, access-log purposes and stored answers erased) and asks loyalty-service "
            + "and feedback-service to anonymise theirs, and Keycloak to delete the customer's account (service "
            + "'keycloak' in the progress), through the outbox. 201 with the erasure record; erasing again answers 200 with the same record and "
            + "changes nothing. No stored answer is kept for the Idempotency-Key: a retry erases again, which answers "
            + "200.";
    static final String NOT_ERASED = "`erasure-not-found`: the customer has not been erased";

    @Inject
    CallerAccess access;

    @Inject
    Erasures erasures;

    @Inject
    Idempotency idempotency;

    @RegisterForReflection
    record EraseCommand(UUID customerId, ErasureRequest request) {
    }

    @POST
    @Operation(operationId = "eraseCustomer", summary = "Erase the customer's personal data in every service",
            description = ERASE_DESCRIPTION + " Agents may not.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, schema = @Schema(implementation = ErasureRequest.class)))
    @APIResponse(responseCode = "201", description = "Erased here, asked of the other services; Location is the erasure",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "200", description = "Erased before: that erasure, with its progress",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "403", description = "`forbidden`: an agent")
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    public Response erase(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid ErasureRequest request) {
        access.requireOwnOrRole(customerId, Roles.SUPERVISOR, Roles.ADMIN);
        ErasureRequest body = request == null ? new ErasureRequest(null) : request;
        SourceChannel channel = body.channel() != null ? body.channel()
                : access.isStaff() ? SourceChannel.CALL_CENTRE : SourceChannel.APP;
        Response response = idempotency.execute(key, ERASE, new EraseCommand(customerId, body),
                () -> answer(erasures.erase(customerId, channel, access.actor()),
                        URI.create("/api/v1/customers/" + customerId + "/erasure")));
        erasures.forgetAnswers(customerId);
        return response;
    }

    @GET
    @Operation(operationId = "getCustomerErasure", summary = "The customer's erasure and each service's completion")
    @APIResponse(responseCode = "200", description = "The erasure",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "403", description = "`forbidden`: an agent")
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND + "; " + NOT_ERASED)
    public ErasureView erasure(@PathParam("customerId") UUID customerId) {
        access.requireOwnOrRole(customerId, Roles.SUPERVISOR, Roles.ADMIN);
        return erasures.get(customerId);
    }

    /** 201 with the new erasure, or 200 with the earlier one; Location names it either way. */
    static Response answer(Erasures.Result result, URI location) {
        return result.created() ? Response.created(location).entity(result.erasure()).build()
                : Response.ok(result.erasure()).location(location).build();
    }
}
