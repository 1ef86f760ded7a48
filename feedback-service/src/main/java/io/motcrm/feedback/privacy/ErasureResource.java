package io.motcrm.feedback.privacy;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;

/** Receiver of customer-service's outbox (target feedback-api). */
@Path("/internal/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class ErasureResource {

    @Inject
    Idempotency idempotency;

    @Inject
    Erasures erasures;

    @POST
    @Path("/customer-erased")
    @Operation(operationId = "eraseCustomerFeedback", summary = "Anonymise the customer's feedback and cases (texts, "
            + "notes, action reasons and history texts removed, link removed, scores kept), their stream events, stored "
            + "answers and outbox texts; once per erasure id, in this request")
    @APIResponse(responseCode = "200", description = "Applied, or (`duplicate`) applied before under another key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Erasures.Outcome.class)))
    public Response customerErased(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull CustomerErased event) {
        return idempotency.execute(key, "event.customer-erased", event, () -> Response.ok(erasures.erase(event)).build());
    }
}
