package io.motcrm.customer.referral;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.privacy.Disclosure;
import io.motcrm.customer.privacy.ProfileAccess;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's referrals: their code, who referred them, whom they referred. The customer's app uses
 * {@code /api/v1/me/referrals} ({@link MyReferralResource}).
 */
@Path("/api/v1/customers/{customerId}/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
@Tag(name = "Staff")
public class ReferralResource {

    static final String JSON = MediaType.APPLICATION_JSON;
    /** The idempotency operation, shared with the /me twin: a retry through either route replays the first answer. */
    static final String LINK = "referral.link";
    static final String LINK_DESCRIPTION = "Possible once per customer and only before their first purchase; not with "
            + "one's own code.";
    static final String LINK_CONFLICT = ApiProblems.CUSTOMER_ERASED + "; `referrer-already-set`: the customer was "
            + "referred already; `referral-too-late`: the customer has made a purchase";
    static final String LINK_REFUSED = "`unknown-referral-code`: no active customer has this code (named in "
            + "'violations'); `self-referral`: the customer's own code";

    @Inject
    Referrals referrals;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @Inject
    Disclosure disclosure;

    public record ReferrerRequest(@NotBlank @Size(max = 20) String referralCode) {
    }

    @RegisterForReflection
    record LinkCommand(UUID customerId, ReferrerRequest request) {
    }

    @GET
    @Operation(operationId = "getCustomerReferrals",
            summary = "The customer's referral code, who referred them and whom they referred",
            description = "The customer's own, or any for staff with X-Access-Purpose; a staff read is logged in the "
                    + "customer's access log (section profile).")
    @APIResponse(responseCode = "200", description = "The referrals",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    public ReferralView view(@PathParam("customerId") UUID customerId,
            @Parameter(description = CallerAccess.PURPOSE_DESCRIPTION) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose) {
        access.requireProfileAccess(customerId, purpose);
        ReferralView found = referrals.view(customerId);
        disclosure.recordRead(customerId, ProfileAccess.PROFILE, purpose);
        return found;
    }

    @POST
    @Operation(operationId = "linkReferrer", summary = "Record who referred the customer, by their referral code",
            description = LINK_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Linked; Location is the customer's referrals",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ReferralView.Link.class)))
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    @APIResponse(responseCode = "409", description = LINK_CONFLICT)
    @APIResponse(responseCode = "422", description = LINK_REFUSED)
    public Response link(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull ReferrerRequest request) {
        access.requireOwnOrStaff(customerId);
        return idempotency.execute(key, LINK, new LinkCommand(customerId, request), () -> {
            ReferralView.Link link = referrals.linkReferrer(customerId, request.referralCode());
            return Response.created(URI.create("/api/v1/customers/" + customerId + "/referrals")).entity(link).build();
        });
    }
}
