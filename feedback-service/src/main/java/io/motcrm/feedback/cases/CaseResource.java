package io.motcrm.feedback.cases;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.feedback.capture.FeedbackService;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/** Complaint cases: staff work them; a customer sees the customer-visible part of their own. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseResource {

    @Inject
    Caller caller;

    @Inject
    CaseService cases;

    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Cases, newest first, by status, team, owner or open only")
    public List<CaseViews.Summary> list(@QueryParam("status") CaseStatus status, @QueryParam("team") String team,
            @QueryParam("owner") String owner, @QueryParam("open") boolean openOnly,
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
    @Path("/mine")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "The signed-in customer's cases (customer-visible parts only)")
    public List<CaseViews.CustomerCase> mine() {
        UUID customerId = caller.customerId().orElseThrow(() -> new ProblemException(CommonProblem.FORBIDDEN,
                "The token names no customer"));
        return SupportCase.<SupportCase>list("customerId = ?1 order by openedAt desc", customerId).stream()
                .map(cases::customerView).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "One case: everything for staff, the customer-visible part for its customer")
    public Object get(@PathParam("id") UUID id) {
        SupportCase item = SupportCase.get(id);
        if (caller.isStaff()) {
            return cases.staffView(item);
        }
        return cases.customerView(ownCase(item));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Everything that happened to the case, oldest first")
    public List<CaseHistory.View> history(@PathParam("id") UUID id) {
        SupportCase.get(id);
        return CaseHistory.of(id).stream().map(CaseHistory::view).toList();
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Move the case: ACKNOWLEDGED, IN_PROGRESS (also reopens), WAITING_ON_CUSTOMER, RESOLVED (root cause required), CLOSED")
    public CaseViews.Resolved changeStatus(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.StatusChange change) {
        return cases.transition(id, change.status(), change.rootCause(), caller.name());
    }

    @PUT
    @Path("/{id}/owner")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Assign or reassign the case's named owner")
    public CaseViews.StaffCase assign(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.Assignment assignment) {
        return cases.assign(id, assignment.owner(), caller.name());
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Add a note (Idempotency-Key required): staff choose INTERNAL or CUSTOMER, a customer's note is visible to them")
    public Response addNote(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull CaseRequests.Note note) {
        boolean byCustomer = !caller.isStaff();
        if (byCustomer) {
            ownCase(SupportCase.get(id));
        }
        NoteVisibility visibility = byCustomer || note.visibility() == null
                ? (byCustomer ? NoteVisibility.CUSTOMER : NoteVisibility.INTERNAL) : note.visibility();
        return idempotency.execute(key, "case.note", Map.of("case", id, "note", note), () -> {
            CaseNote.View created = cases.addNote(id, visibility, note.text(), caller.name(), byCustomer);
            return Response.created(URI.create("/api/v1/cases/" + id)).entity(created).build();
        });
    }

    @POST
    @Path("/{id}/recovery")
    @RolesAllowed(Roles.CUSTOMER)
    @Transactional
    @Operation(summary = "The customer rates how the case was recovered (CSAT 1-5), once")
    public Response rateRecovery(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.RecoveryRating rating) {
        SupportCase item = ownCase(SupportCase.lock(id));
        cases.rateRecovery(item, rating.csat());
        return Response.noContent().build();
    }

    private SupportCase ownCase(SupportCase item) {
        if (item.customerId == null || !caller.isCustomer(item.customerId)) {
            throw SupportCase.notFound(item.id);
        }
        return item;
    }
}
