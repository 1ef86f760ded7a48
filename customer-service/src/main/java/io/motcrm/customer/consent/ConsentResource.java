package io.motcrm.customer.consent;

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
import jakarta.ws.rs.PathParam;
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
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's consents. The customer manages their own (in their app under {@code /api/v1/me/consents},
 * {@link MyConsentResource}); staff record consent given to them (in a store, on the phone) and see every
 * customer's.
 */
@Path("/api/v1/customers/{customerId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
@Tag(name = "Staff")
public class ConsentResource {

    static final String JSON = MediaType.APPLICATION_JSON;
    /** The idempotency operation, shared with the /me twin: a retry through either route replays the first answer. */
    static final String RECORD = "consent.record";

    @Inject
    Consents consents;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @RegisterForReflection
    record ConsentCommand(UUID customerId, ConsentRequest request) {
    }

    @POST
    @Operation(operationId = "recordConsent", summary = "Grant or withdraw consent for a purpose")
    @RequestBody(content = @Content(mediaType = JSON, schema = @Schema(implementation = ConsentRequest.class),
            examples = @ExampleObject(name = "grant", value = ApiExamples.CONSENT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded; Location is the consent history",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ConsentRecord.class),
                    examples = @ExampleObject(name = "granted", value = ApiExamples.CONSENT_RECORD)))
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    @APIResponse(responseCode = "409", description = ApiProblems.CUSTOMER_ERASED)
    public Response record(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull ConsentRequest request) {
        access.requireOwnOrStaff(customerId);
        return idempotency.execute(key, RECORD, new ConsentCommand(customerId, request), () -> {
            ConsentRecord recorded = consents.record(customerId, request, access.actor());
            return Response.created(URI.create("/api/v1/customers/" + customerId + "/consents/history"))
                    .entity(recorded).build();
        });
    }

    @GET
    @Operation(operationId = "listConsents",
            summary = "Current consent per purpose; nothing is granted until the customer grants it")
    @APIResponse(responseCode = "200", description = "One entry per purpose",
            content = @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ConsentState.class)))
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    public List<ConsentState> current(@PathParam("customerId") UUID customerId) {
        access.requireOwnOrStaff(customerId);
        return consents.current(customerId);
    }

    @GET
    @Path("/history")
    @Operation(operationId = "listConsentHistory", summary = "Every grant and withdrawal, oldest first")
    @APIResponse(responseCode = "200", description = "The consent events",
            content = @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ConsentRecord.class)))
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    public List<ConsentRecord> history(@PathParam("customerId") UUID customerId) {
        access.requireOwnOrStaff(customerId);
        return consents.history(customerId);
    }
}
