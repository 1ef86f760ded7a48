package io.motcrm.customer.privacy;

import static io.motcrm.customer.privacy.ErasureResource.ERASE;
import static io.motcrm.customer.privacy.ErasureResource.ERASE_DESCRIPTION;
import static io.motcrm.customer.privacy.ErasureResource.JSON;
import static io.motcrm.customer.privacy.ErasureResource.NOT_ERASED;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.consent.SourceChannel;
import io.motcrm.customer.privacy.ErasureResource.EraseCommand;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;

/**
 * The signed-in customer's own erasure and access log, the id taken from the token: the twins of
 * {@link ErasureResource} and {@link AccessLogResource}. The export of all their data is the gateway's
 * ({@code GET /api/v1/me/export}).
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer app")
public class MyPrivacyResource {

    @Inject
    CallerAccess access;

    @Inject
    Erasures erasures;

    @Inject
    Disclosure disclosure;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/erasure")
    @Operation(operationId = "eraseMe", summary = "Erase my personal data in every service", description = ERASE_DESCRIPTION)
    @RequestBody(required = false, content = @Content(mediaType = JSON, schema = @Schema(implementation = ErasureRequest.class)))
    @APIResponse(responseCode = "201", description = "Erased here, asked of the other services; Location is the erasure",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "200", description = "Erased before: that erasure, with its progress",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = ApiProblems.MY_PROFILE_NOT_FOUND)
    public Response erase(@HeaderParam(Idempotency.HEADER) String key, @Valid ErasureRequest request) {
        UUID me = access.me();
        ErasureRequest body = request == null ? new ErasureRequest(null) : request;
        SourceChannel channel = body.channel() != null ? body.channel() : SourceChannel.APP;
        Response response = idempotency.execute(key, ERASE, new EraseCommand(me, body),
                () -> ErasureResource.answer(erasures.erase(me, channel, access.actor()), URI.create("/api/v1/me/erasure")));
        erasures.forgetAnswers(me);
        return response;
    }

    @GET
    @Path("/erasure")
    @Operation(operationId = "getMyErasure", summary = "My erasure and each service's completion")
    @APIResponse(responseCode = "200", description = "The erasure",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = NOT_ERASED)
    public ErasureView erasure() {
        return erasures.get(access.me());
    }

    @GET
    @Path("/access-log")
    @Operation(operationId = "listMyAccessLog", summary = "Who among staff read my data, when and why, newest first")
    @APIResponse(responseCode = "200", description = "One page of the access log",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = AccessRecord.Page.class)))
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = ApiProblems.MY_PROFILE_NOT_FOUND)
    public AccessRecord.Page accessLog(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(AccessLogResource.MAX_PAGE_SIZE) int size) {
        return disclosure.accessLog(access.me(), page, size);
    }
}
