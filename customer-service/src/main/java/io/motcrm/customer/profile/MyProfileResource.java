package io.motcrm.customer.profile;

import static io.motcrm.customer.profile.CustomerResource.JSON;
import static io.motcrm.customer.profile.CustomerResource.MERGE_PATCH;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiExamples;
import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.security.Roles;

/**
 * The signed-in customer's own profile, the id taken from the token: the twins of
 * {@link CustomerResource}'s customer operations. Sign-up stays {@code POST /api/v1/customers}.
 */
@Path("/api/v1/me/profile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer app")
public class MyProfileResource {

    @Inject
    Customers customers;

    @Inject
    CallerAccess access;

    @GET
    @Operation(operationId = "getMyProfile", summary = "My profile")
    @APIResponse(responseCode = "200", description = "The profile, in full",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CustomerView.class),
                    examples = @ExampleObject(name = "customer", value = ApiExamples.CUSTOMER)))
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = ApiProblems.MY_PROFILE_NOT_FOUND)
    public CustomerView get() {
        return customers.get(access.me());
    }

    @PATCH
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH })
    @Operation(operationId = "updateMyProfile", summary = "Change my profile: fields left out (or null) keep their values")
    @RequestBody(content = {
            @Content(mediaType = JSON, schema = @Schema(implementation = CustomerPatch.class),
                    examples = @ExampleObject(name = "new phone", value = ApiExamples.PROFILE_PATCH)),
            @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = CustomerPatch.class),
                    examples = @ExampleObject(name = "new phone", value = ApiExamples.PROFILE_PATCH)) })
    @APIResponse(responseCode = "200", description = "The changed profile",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.INVALID_CONTACTS)
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = ApiProblems.MY_PROFILE_NOT_FOUND)
    @APIResponse(responseCode = "409", description = CustomerResource.UPDATE_REFUSED)
    public CustomerView update(@Valid @NotNull CustomerPatch patch) {
        return customers.update(access.me(), patch);
    }
}
