package io.motcrm.customer.profile;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.privacy.AccessPurposes;
import io.motcrm.customer.privacy.Disclosure;
import io.motcrm.customer.privacy.ProfileAccess;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Customer profiles. A customer reaches only their own (anyone else's answers 404); staff reach every
 * profile and state why in {@value CallerAccess#PURPOSE_HEADER}.
 */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    public static final int MAX_PAGE_SIZE = 100;
    public static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Customers customers;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @Inject
    Disclosure disclosure;

    static final String MASKING = " Staff reads are logged (GET /api/v1/customers/{id}/access-log). "
            + AccessPurposes.DESCRIPTION;

    /** The sign-up as the idempotency fingerprint sees it: the id is the customer's own when they sign up. */
    @RegisterForReflection
    record SignUpCommand(UUID customerId, SignUpRequest request) {
    }

    @POST
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Sign a customer up (requires an Idempotency-Key)",
            description = "Staff sign up any customer; a signed-in customer signs up themselves, under the id "
                    + "their token names. Opens the customer's points account in loyalty-service.")
    public Response signUp(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull SignUpRequest request) {
        UUID id = access.isStaff() ? null : access.customerId().orElseThrow(() -> new ProblemException(
                CommonProblem.FORBIDDEN, "The token does not name a customer"));
        return idempotency.execute(key, "customer.sign-up", new SignUpCommand(id, request), () -> {
            CustomerView created = customers.signUp(id == null ? UUID.randomUUID() : id, request);
            return Response.created(URI.create("/api/v1/customers/" + created.id())).entity(created).build();
        });
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "A customer's profile", description = "The customer's own, or any for staff." + MASKING)
    public CustomerView get(@PathParam("customerId") UUID customerId,
            @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose) {
        access.requireProfileAccess(customerId, purpose);
        return disclosure.disclose(customers.get(customerId), purpose, ProfileAccess.Action.READ);
    }

    @PATCH
    @Path("/{customerId}")
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH })
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Change a profile: fields left out keep their values")
    public CustomerView update(@PathParam("customerId") UUID customerId,
            @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose, @Valid @NotNull CustomerPatch patch) {
        access.requireProfileAccess(customerId, purpose);
        return disclosure.disclose(customers.update(customerId, patch), purpose, ProfileAccess.Action.UPDATE);
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Find customers by member code, email, phone or the start of the name (staff)",
            description = "Each customer shown is a logged read." + MASKING)
    public CustomerPage search(@HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @QueryParam("memberCode") @Size(max = 40) String memberCode,
            @QueryParam("email") @Size(max = 320) String email,
            @QueryParam("phone") @Size(max = 40) String phone,
            @QueryParam("namePrefix") @Size(max = 200) String namePrefix,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        access.requirePurpose(purpose);
        CustomerPage found = customers.search(new CustomerSearch(memberCode, email, phone, namePrefix), page, size);
        return new CustomerPage(found.page(), found.size(), found.totalItems(),
                disclosure.discloseAll(found.items(), purpose, ProfileAccess.Action.SEARCH));
    }
}
