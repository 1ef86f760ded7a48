package io.motcrm.feedback.cases;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/** The signed-in customer's own cases, the customer-visible part only; the customer comes from the token. */
@Path("/api/v1/me/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer app")
public class MyCaseResource {

    private static final String NO_CUSTOMER = "`forbidden`: the token names no customer";

    @Inject
    Caller caller;

    @Inject
    CaseService cases;

    @Inject
    Idempotency idempotency;

    @GET
    @Operation(operationId = "listMyCases", summary = "The signed-in customer's cases, newest first")
    @APIResponse(responseCode = "200", description = "The customer's cases")
    @APIResponse(responseCode = "403", description = NO_CUSTOMER)
    public List<CaseViews.CustomerCase> list() {
        return cases.customerCases(caller.requireCustomerId());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMyCase", summary = "One of the signed-in customer's cases")
    @APIResponse(responseCode = "200", description = "The customer-visible part of the case")
    @APIResponse(responseCode = "403", description = NO_CUSTOMER)
    @APIResponse(responseCode = "404", description = "`case-not-found`: no such case, or not the customer's own")
    public CaseViews.CustomerCase get(@PathParam("id") UUID id) {
        return cases.customerView(CaseService.ownedBy(SupportCase.get(id), caller.requireCustomerId()));
    }

    @POST
    @Path("/{id}/notes")
    @Operation(operationId = "addMyCaseNote", summary = "Reply on one's own case (Idempotency-Key required); "
            + "the note is visible to the customer, and a case waiting on them moves back to IN_PROGRESS")
    @APIResponse(responseCode = "201", description = "The note; Location is the case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseNote.View.class)))
    @APIResponse(responseCode = "403", description = NO_CUSTOMER)
    @APIResponse(responseCode = "404", description = "`case-not-found`: no such case, or not the customer's own")
    @APIResponse(responseCode = "409", description = "`case-closed`: the case is closed")
    public Response addNote(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull CaseRequests.Note note) {
        CaseService.ownedBy(SupportCase.get(id), caller.requireCustomerId());
        return CaseResource.addNote(idempotency, cases, id, key, note, NoteVisibility.CUSTOMER, caller.name(), true,
                URI.create("/api/v1/me/cases/" + id));
    }

    @POST
    @Path("/{id}/recovery")
    @Operation(operationId = "rateMyCaseRecovery", summary = "Rate how one's own case was recovered (CSAT 1-5), once, "
            + "after it was resolved")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "403", description = NO_CUSTOMER)
    @APIResponse(responseCode = "404", description = "`case-not-found`: no such case, or not the customer's own")
    @APIResponse(responseCode = "409", description = "`recovery-not-requested`: no recovery survey is open for this case")
    public void rateRecovery(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.RecoveryRating rating) {
        cases.rateRecoveryByCustomer(id, caller.requireCustomerId(), rating.csat());
    }

}
