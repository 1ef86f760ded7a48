package io.motcrm.customer.referral;

import static io.motcrm.customer.referral.ReferralResource.JSON;
import static io.motcrm.customer.referral.ReferralResource.LINK;
import static io.motcrm.customer.referral.ReferralResource.LINK_CONFLICT;
import static io.motcrm.customer.referral.ReferralResource.LINK_DESCRIPTION;
import static io.motcrm.customer.referral.ReferralResource.LINK_REFUSED;

import java.net.URI;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.referral.ReferralResource.LinkCommand;
import io.motcrm.customer.referral.ReferralResource.ReferrerRequest;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;

/** The signed-in customer's own referrals, the id taken from the token: the twins of {@link ReferralResource}. */
@Path("/api/v1/me/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Customer app")
public class MyReferralResource {

    @Inject
    Referrals referrals;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    @GET
    @Operation(operationId = "getMyReferrals", summary = "My referral code, who referred me and whom I referred")
    @APIResponse(responseCode = "200", description = "The referrals",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = ApiProblems.MY_PROFILE_NOT_FOUND)
    public ReferralView view() {
        return referrals.view(access.me());
    }

    @POST
    @Operation(operationId = "linkMyReferrer", summary = "Record who referred me, by their referral code",
            description = LINK_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Linked; Location is my referrals",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ReferralView.Link.class)))
    @APIResponse(responseCode = "403", description = ApiProblems.NOT_A_CUSTOMER)
    @APIResponse(responseCode = "404", description = ApiProblems.MY_PROFILE_NOT_FOUND)
    @APIResponse(responseCode = "409", description = LINK_CONFLICT)
    @APIResponse(responseCode = "422", description = LINK_REFUSED)
    public Response link(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull ReferrerRequest request) {
        UUID me = access.me();
        return idempotency.execute(key, LINK, new LinkCommand(me, request), () -> Response
                .created(URI.create("/api/v1/me/referrals")).entity(referrals.linkReferrer(me, request.referralCode()))
                .build());
    }
}
