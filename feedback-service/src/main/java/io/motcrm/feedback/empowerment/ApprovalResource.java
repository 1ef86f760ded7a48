package io.motcrm.feedback.empowerment;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/** Approval requests: compensations above the requester's authority, decided by another supervisor. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/approvals")
@Tag(name = "Staff")
public class ApprovalResource {

    static final String DECIDED = "`approval-decided`: the request was already decided (`currentStatus`: APPLIED or REJECTED)";
    static final String NOT_FOUND = "`approval-not-found`: no approval request has this id";

    @Inject
    Caller caller;

    @Inject
    Empowerment empowerment;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "listPendingApprovals", summary = "Approval requests the caller may decide, oldest first",
            description = "Only what the caller may decide: never their own requests, and no compensation that would give "
                    + "the case more points than the caller's role may grant on one case (a higher role sees it).")
    public List<ActionView> pending() {
        return empowerment.pending(caller.name(), Empowerment.authorityRole(caller::hasRole));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "approveCaseAction", summary = "Approve a request (not one's own, and within the approver's "
            + "own per-case authority); the points are granted through loyalty-service")
    @APIResponse(responseCode = "200", description = "Approved: the action, now APPLIED")
    @APIResponse(responseCode = "403", description = "`self-approval`: nobody decides their own request; "
            + "`approval-above-authority`: the case would get more points than the approver's role may grant on one case "
            + "(`perCase`); a higher role must approve")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = DECIDED + "; `case-closed`: the case was closed meanwhile "
            + "(`currentStatus`: CLOSED)")
    public ActionView approve(@PathParam("id") UUID id, @Valid @NotNull Decision decision) {
        return empowerment.decide(id, true, decision.reason(), caller.name(), Empowerment.authorityRole(caller::hasRole));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "rejectCaseAction", summary = "Reject a request (not one's own) with a reason")
    @APIResponse(responseCode = "200", description = "Rejected: the action, now REJECTED")
    @APIResponse(responseCode = "403", description = "`self-approval`: nobody decides their own request")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = DECIDED)
    public ActionView reject(@PathParam("id") UUID id, @Valid @NotNull Decision decision) {
        return empowerment.decide(id, false, decision.reason(), caller.name(), Empowerment.authorityRole(caller::hasRole));
    }
}
