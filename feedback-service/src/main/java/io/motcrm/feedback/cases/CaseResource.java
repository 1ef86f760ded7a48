package io.motcrm.feedback.cases;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.feedback.capture.FeedbackService;
import io.motcrm.feedback.privacy.StaffAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/**
 * Complaint cases: staff work them; a customer sees the customer-visible part of their own (the customer
 * app uses the {@code /api/v1/me/cases} twins, {@link MyCaseResource}).
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    Caller caller;

    @Inject
    CaseService cases;

    @Inject
    Idempotency idempotency;

    @Inject
    StaffReads staffReads;

    static final String NOT_CASE_OWNER = "`not-case-owner`: only the case's owner (`owner`), the supervisors of its "
            + "team (`teamSupervisors`: the supervisor and the escalation chain) and admins may change it";

    static final String PURPOSE_TOO_LONG = "`access-purpose-required`: X-Access-Purpose is longer than "
            + StaffReads.MAX_PURPOSE_LENGTH + " characters";

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "listCases", summary = "Cases, newest first, by status, team, owner, open only or "
            + "unassigned only (a team's queue)")
    public List<CaseViews.Summary> list(@QueryParam("status") CaseStatus status, @QueryParam("team") String team,
            @QueryParam("owner") String owner, @QueryParam("open") boolean openOnly,
            @QueryParam("unassigned") boolean unassignedOnly,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (team != null) {
            where.add("team = :team");
            params.put("team", team);
        }
        if (owner != null) {
            where.add("ownerName = :owner");
            params.put("owner", owner);
        }
        if (unassignedOnly) {
            where.add("ownerName is null");
        }
        if (openOnly) {
            where.add("status not in (:closed)");
            params.put("closed", List.of(CaseStatus.RESOLVED, CaseStatus.CLOSED));
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by openedAt desc";
        List<SupportCase> found = SupportCase.<SupportCase>find(query, params).page(0, limit).list();
        var codes = FeedbackService.touchpointCodes(found.stream().map(c -> c.touchpointId).distinct().toList());
        return found.stream().map(c -> CaseService.summary(c, codes.get(c.touchpointId))).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getCase", summary = "One case: the staff view for staff, the customer-visible part for its customer "
            + "(customers: see getMyCase)", description = "A staff read of a customer's case is recorded in the customer's "
                    + "access log (section `cases`).")
    @APIResponse(responseCode = "200", description = "A `StaffCase` for staff, a `CustomerCase` for the case's customer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.CaseView.class)))
    @APIResponse(responseCode = "400", description = PURPOSE_TOO_LONG)
    @APIResponse(responseCode = "404", description = "`case-not-found`: no such case, or not the calling customer's own")
    public CaseViews.CaseView get(@PathParam("id") UUID id,
            @Parameter(description = StaffAccess.CASE_WORK_PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        SupportCase item = SupportCase.get(id);
        if (caller.isStaff()) {
            CaseViews.StaffCase view = cases.staffView(item);
            recordStaffRead(item, purpose);
            return view;
        }
        return cases.customerView(ownCase(item));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getCaseHistory", summary = "Everything that happened to the case, oldest first",
            description = "A read of a customer's case is recorded in the customer's access log (section `cases`).")
    @APIResponse(responseCode = "200", description = "The history lines")
    @APIResponse(responseCode = "400", description = PURPOSE_TOO_LONG)
    @APIResponse(responseCode = "404", description = "`case-not-found`: no such case")
    public List<CaseHistory.View> history(@PathParam("id") UUID id,
            @Parameter(description = StaffAccess.CASE_WORK_PURPOSE_DESCRIPTION) @HeaderParam(StaffReads.PURPOSE_HEADER) String purpose) {
        SupportCase item = SupportCase.get(id);
        List<CaseHistory.View> history = CaseHistory.of(id).stream().map(CaseHistory::view).toList();
        recordStaffRead(item, purpose);
        return history;
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "changeCaseStatus", summary = "Move the case: ACKNOWLEDGED, IN_PROGRESS (also reopens), "
            + "WAITING_ON_CUSTOMER, RESOLVED (root cause required), CLOSED")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseRequests.StatusChange.class),
            examples = {
                    @ExampleObject(name = "acknowledge", summary = "The first response to the customer",
                            value = "{\"status\": \"ACKNOWLEDGED\"}"),
                    @ExampleObject(name = "resolve", summary = "Resolve with a root cause; the answer carries the recovery survey link",
                            value = "{\"status\": \"RESOLVED\", \"rootCause\": \"staff-behaviour\"}"),
                    @ExampleObject(name = "reopen", summary = "Reopen a resolved or closed case within the reopen window",
                            value = "{\"status\": \"IN_PROGRESS\"}") }))
    @APIResponse(responseCode = "200", description = "The case after the move; after a move to RESOLVED with "
            + "`recoverySurveyUrl`, the link to send to the customer (shown only here)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseViews.StaffCase.class),
                    examples = @ExampleObject(name = "resolved", value = RESOLVED_CASE_EXAMPLE)))
    @APIResponse(responseCode = "403", description = NOT_CASE_OWNER)
    @APIResponse(responseCode = "404", description = "`case-not-found`: no such case")
    @APIResponse(responseCode = "409", description = "`invalid-transition`: the case cannot move there from its "
            + "`currentStatus` (the member allowed lists where it can go); `case-closed`: a closed case can only be reopened; "
            + "`reopen-window-passed`: the case was resolved longer ago than the reopen window")
    @APIResponse(responseCode = "422", description = "`root-cause-required`, `unknown-root-cause`: RESOLVED needs one of "
            + "the configured root causes (listed in `rootCauses`)")
    public CaseViews.StaffCase changeStatus(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.StatusChange change) {
        return cases.transition(id, change.status(), change.rootCause(), caller);
    }

    @PUT
    @Path("/{id}/owner")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "assignCase", summary = "Assign or reassign the case's named owner",
            description = "The owner is a login of the staff directory: an active member or the supervisor of the case's "
                    + "team (any active person for a team not in the directory). The owner, the team's supervisors and "
                    + "admins may reassign; a member of the team may take an unowned case for themselves.")
    @APIResponse(responseCode = "200", description = "The case with its new owner")
    @APIResponse(responseCode = "403", description = NOT_CASE_OWNER)
    @APIResponse(responseCode = "404", description = "`case-not-found`: no such case")
    @APIResponse(responseCode = "409", description = "`case-closed`: a closed case must be reopened first")
    @APIResponse(responseCode = "422", description = "`unknown-owner`: the owner is not an active person of the staff "
            + "directory; `owner-not-in-team`: the owner is neither a member nor the supervisor of the case's team "
            + "(`eligible` lists who is)")
    public CaseViews.StaffCase assign(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.Assignment assignment) {
        return cases.assign(id, assignment.owner(), caller);
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "addCaseNote", summary = "Add a note (Idempotency-Key required): staff choose INTERNAL or "
            + "CUSTOMER, a customer's note is always CUSTOMER (customers: see addMyCaseNote)")
    @APIResponse(responseCode = "201", description = "The note; Location is the case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseNote.View.class)))
    @APIResponse(responseCode = "404", description = "`case-not-found`: no such case, or not the calling customer's own")
    @APIResponse(responseCode = "409", description = "`case-closed`: a closed case must be reopened first")
    public Response addNote(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull CaseRequests.Note note) {
        boolean byCustomer = !caller.isStaff();
        if (byCustomer) {
            ownCase(SupportCase.get(id));
        }
        NoteVisibility visibility = byCustomer || note.visibility() == null
                ? (byCustomer ? NoteVisibility.CUSTOMER : NoteVisibility.INTERNAL) : note.visibility();
        return addNote(idempotency, cases, id, key, note, visibility, caller.name(), byCustomer, URI.create("/api/v1/cases/" + id));
    }

    @POST
    @Path("/{id}/recovery")
    @RolesAllowed(Roles.CUSTOMER)
    @Tag(name = "Customer app")
    @Operation(operationId = "rateCaseRecovery", deprecated = true,
            summary = "The customer rates how the case was recovered (CSAT 1-5), once; use rateMyCaseRecovery")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "404", description = "`case-not-found`: no such case, or not the calling customer's own")
    @APIResponse(responseCode = "409", description = "`recovery-not-requested`: no recovery survey is open for this case")
    public void rateRecovery(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.RecoveryRating rating) {
        cases.rateRecoveryByCustomer(id, caller.customerId().orElse(null), rating.csat());
    }

    /** A staff read of a customer's case reaches their access log; one without a stated purpose is case work. */
    private void recordStaffRead(SupportCase item, String purpose) {
        if (item.customerId != null) {
            staffReads.record(item.customerId, StaffAccess.CASES, StaffAccess.orCaseWork(purpose));
        }
    }

    private SupportCase ownCase(SupportCase item) {
        return CaseService.ownedBy(item, caller.customerId().orElse(null));
    }

    /** Adds a note once per Idempotency-Key: 201 with the note, Location {@code location}. */
    static Response addNote(Idempotency idempotency, CaseService cases, UUID id, String key, CaseRequests.Note note,
            NoteVisibility visibility, String author, boolean byCustomer, URI location) {
        return idempotency.execute(key, "case.note", Map.of("case", id, "note", note), () -> {
            CaseNote.View created = cases.addNote(id, visibility, note.text(), author, byCustomer);
            return Response.created(location).entity(created).build();
        });
    }

    static final String RESOLVED_CASE_EXAMPLE = """
            {
              "id": "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
              "feedbackId": "0b7e6d5c-4a3b-4c2d-9e1f-a0b1c2d3e4f5",
              "touchpointCode": "store-gangnam",
              "team": "store-team",
              "customerId": "2d1e0f9a-8b7c-4d6e-9f0a-1b2c3d4e5f6a",
              "status": "RESOLVED",
              "priority": "P1",
              "severity": "HIGH",
              "detractor": true,
              "valuePending": false,
              "ownerName": "agent.kim",
              "ownerDisplayName": "Kim Minji",
              "unassigned": false,
              "openedAt": "2026-05-04T09:12:00Z",
              "firstResponseAt": "2026-05-04T09:20:31Z",
              "resolvedAt": "2026-05-04T13:02:10Z",
              "closedAt": null,
              "rootCause": "staff-behaviour",
              "reopenCount": 0,
              "sla": {"firstResponseTargetSeconds": 900, "resolutionTargetSeconds": 14400, "elapsedSeconds": 13810,
                      "paused": true, "firstResponseDueAt": null, "resolutionDueAt": null,
                      "firstResponseBreached": false, "resolutionBreached": false, "escalationLevel": 0},
              "escalations": [],
              "notes": [],
              "actions": [],
              "recovery": {"requestedAt": "2026-05-04T13:02:10Z", "csat": null, "ratedAt": null},
              "recoverySurveyUrl": "https://motcrm.example/recovery?t=Zk3p0VwqTt8cYy1mB2nR4sLx9aE6dQ7h"
            }""";
}
