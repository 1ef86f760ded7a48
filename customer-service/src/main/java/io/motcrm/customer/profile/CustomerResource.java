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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiExamples;
import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.privacy.AccessPurposes;
import io.motcrm.customer.privacy.Disclosure;
import io.motcrm.customer.privacy.ProfileAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Customer profiles. A customer reaches only their own (anyone else's answers 404); staff reach every
 * profile and state why in {@value CallerAccess#PURPOSE_HEADER}. The customer's app reads and changes
 * the profile under {@code /api/v1/me/profile} ({@link MyProfileResource}).
 */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    public static final int MAX_PAGE_SIZE = 100;
    public static final String MERGE_PATCH = "application/merge-patch+json";
    static final String JSON = MediaType.APPLICATION_JSON;

    static final String UPDATE_SUMMARY = "Change a profile: fields left out (or null) keep their values";
    static final String UPDATE_REFUSED = ApiProblems.CUSTOMER_ERASED + "; " + ApiProblems.CONTACTS_TAKEN;

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
    @Tag(name = "Customer app")
    @Tag(name = "Staff")
    @Operation(operationId = "signUpCustomer", summary = "Sign a customer up",
            description = "Staff sign up any customer; a signed-in customer signs up themselves, under the id "
                    + "their token names. Opens the customer's points account in loyalty-service.")
    @RequestBody(content = @Content(mediaType = JSON, schema = @Schema(implementation = SignUpRequest.class),
            examples = @ExampleObject(name = "sign-up", value = ApiExamples.SIGN_UP_REQUEST)))
    @APIResponse(responseCode = "201", description = "Signed up; Location is the profile",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CustomerView.class),
                    examples = @ExampleObject(name = "customer", value = ApiExamples.CUSTOMER)))
    @APIResponse(responseCode = "400", description = "`contact-required`: neither email nor phone; "
            + ApiProblems.INVALID_CONTACTS)
    @APIResponse(responseCode = "403", description = "`forbidden`: a customer's token that names no customer")
    @APIResponse(responseCode = "409", description = "`customer-exists`: the signed-in customer already has a profile; "
            + ApiProblems.CONTACTS_TAKEN + "; `conflict`: a concurrent sign-up drew the same member or referral code, "
            + "send the request again")
    @APIResponse(responseCode = "422", description = "`unknown-referral-code`: 'referralCode' is no active customer's")
    public Response signUp(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull SignUpRequest request) {
        UUID id = access.isStaff() ? null : access.me();
        return idempotency.execute(key, "customer.sign-up", new SignUpCommand(id, request), () -> {
            CustomerView created = customers.signUp(id == null ? UUID.randomUUID() : id, request);
            return Response.created(URI.create("/api/v1/customers/" + created.id())).entity(created).build();
        });
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "getCustomer", summary = "A customer's profile",
            description = "The customer's own, or any for staff." + MASKING)
    @APIResponse(responseCode = "200", description = "The profile, contacts masked for some staff callers",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CustomerView.class), examples = {
                    @ExampleObject(name = "in full", value = ApiExamples.CUSTOMER),
                    @ExampleObject(name = "masked", value = ApiExamples.CUSTOMER_MASKED) }))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    public CustomerView get(@PathParam("customerId") UUID customerId,
            @Parameter(description = CallerAccess.PURPOSE_DESCRIPTION) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose) {
        access.requireProfileAccess(customerId, purpose);
        return disclosure.disclose(customers.get(customerId), purpose, ProfileAccess.Action.READ);
    }

    @PATCH
    @Path("/{customerId}")
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH })
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "updateCustomer", summary = UPDATE_SUMMARY,
            description = "The customer's own, or any for staff." + MASKING)
    @RequestBody(content = {
            @Content(mediaType = JSON, schema = @Schema(implementation = CustomerPatch.class),
                    examples = @ExampleObject(name = "new phone", value = ApiExamples.PROFILE_PATCH)),
            @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = CustomerPatch.class),
                    examples = @ExampleObject(name = "new phone", value = ApiExamples.PROFILE_PATCH)) })
    @APIResponse(responseCode = "200", description = "The changed profile",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED + "; " + ApiProblems.INVALID_CONTACTS)
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    @APIResponse(responseCode = "409", description = UPDATE_REFUSED)
    public CustomerView update(@PathParam("customerId") UUID customerId,
            @Parameter(description = CallerAccess.PURPOSE_DESCRIPTION) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @Valid @NotNull CustomerPatch patch) {
        access.requireProfileAccess(customerId, purpose);
        return disclosure.disclose(customers.update(customerId, patch), purpose, ProfileAccess.Action.UPDATE);
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "searchCustomers",
            summary = "Find customers by member code, email, phone or the start of the name",
            description = "Each customer shown is a logged read." + MASKING)
    @APIResponse(responseCode = "200", description = "One page of matches, ordered by name",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CustomerPage.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED
            + "; `search-filter-required`: no filter given; `invalid-email`, `invalid-phone`: the email or phone "
            + "filter is not valid (the parameter is named in 'violations')")
    public CustomerPage search(
            @Parameter(description = CallerAccess.PURPOSE_DESCRIPTION) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
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
