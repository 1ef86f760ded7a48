package io.motcrm.customer.consent;

import static io.motcrm.customer.consent.ConsentResource.JSON;
import static io.motcrm.customer.consent.ConsentResource.RECORD;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiExamples;
import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.consent.ConsentResource.ConsentCommand;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;

/** The signed-in customer's own consents, the id taken from the token: the twins of {@link ConsentResource}. */
@Path("/api/v1/me/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer app")
public class MyConsentResource {

    @Inject
    Consents consents;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @POST
    @Operation(operationId = "recordMyConsent", summary = "Grant or withdraw my consent for a purpose")
    @RequestBody(content = @Content(mediaType = JSON, schema = @Schema(implementation = ConsentRequest.class),
            examples = @ExampleObject(name = "grant", value = ApiExamples.CONSENT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded; Location is my consent history",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ConsentRecord.class),
                    examples = @ExampleObject(name = "granted", value = ApiExamples.CONSENT_RECORD)))
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = ApiProblems.MY_PROFILE_NOT_FOUND)
    @APIResponse(responseCode = "409", description = ApiProblems.CUSTOMER_ERASED)
    public Response record(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull ConsentRequest request) {
        UUID me = access.me();
        return idempotency.execute(key, RECORD, new ConsentCommand(me, request), () -> {
            ConsentRecord recorded = consents.record(me, request, access.actor());
            return Response.created(URI.create("/api/v1/me/consents/history")).entity(recorded).build();
        });
    }

    @GET
    @Operation(operationId = "listMyConsents", summary = "My current consent per purpose")
    @APIResponse(responseCode = "200", description = "One entry per purpose",
            content = @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ConsentState.class)))
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = ApiProblems.MY_PROFILE_NOT_FOUND)
    public List<ConsentState> current() {
        return consents.current(access.me());
    }

    @GET
    @Path("/history")
    @Operation(operationId = "listMyConsentHistory", summary = "Every grant and withdrawal of mine, oldest first")
    @APIResponse(responseCode = "200", description = "The consent events",
            content = @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ConsentRecord.class)))
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = ApiProblems.MY_PROFILE_NOT_FOUND)
    public List<ConsentRecord> history() {
        return consents.history(access.me());
    }
}
