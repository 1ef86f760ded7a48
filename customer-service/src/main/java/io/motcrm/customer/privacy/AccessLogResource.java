package io.motcrm.customer.privacy;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.platform.security.Roles;

/**
 * Who among staff looked at a customer's data, and why; the customer's app reads its own under
 * {@code /api/v1/me/access-log} ({@link MyPrivacyResource}).
 */
@Path("/api/v1/customers/{customerId}/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccessLogResource {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    CallerAccess access;

    @Inject
    Disclosure disclosure;

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.SUPERVISOR, Roles.ADMIN })
    @Tag(name = "Staff")
    @Operation(operationId = "listCustomerAccessLog",
            summary = "Who among staff read the customer's data, when and why, newest first",
            description = "The customer's own, or any for supervisors and admins (with X-Access-Purpose).")
    @APIResponse(responseCode = "200", description = "One page of the access log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessRecord.Page.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED)
    @APIResponse(responseCode = "403", description = "`forbidden`: an agent")
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    public AccessRecord.Page accessLog(@PathParam("customerId") UUID customerId,
            @Parameter(description = CallerAccess.PURPOSE_DESCRIPTION) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        access.requireOwnOrRole(customerId, Roles.SUPERVISOR, Roles.ADMIN);
        if (access.isStaff()) {
            access.requirePurpose(purpose);
        }
        return disclosure.accessLog(customerId, page, size);
    }
}
