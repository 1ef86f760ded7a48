package io.motcrm.customer.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.AccessRecorded;
import io.motcrm.platform.security.Roles;

/**
 * Receives the staff reads of the other services ({@code AccessRecorded}, through their outboxes) into the
 * customer's access log. The answer has no body, so no stored idempotent answer holds a purpose.
 */
@Path(AccessRecorded.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class AccessLogEventResource {

    @Inject
    Idempotency idempotency;

    @Inject
    Disclosure disclosure;

    @POST
    @Operation(operationId = "recordAccess", summary = "Add another service's staff read to the customer's access log",
            description = "A purpose for an erased customer, or none (redacted by the sender at erasure), is stored as '"
                    + ProfileAccess.ERASED_PURPOSE + "'.")
    @APIResponse(responseCode = "204", description = "Recorded (a retry with the same Idempotency-Key records nothing more)")
    @APIResponse(responseCode = "404", description = "`customer-not-found`: no such customer")
    public Response record(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull AccessRecordedEvent event) {
        return idempotency.execute(key, "access-log.record", event, () -> {
            disclosure.receive(event);
            return Response.noContent().build();
        });
    }
}
