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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.CustomerProblem;
import io.motcrm.customer.profile.Customer;
import io.motcrm.customer.profile.CustomerStatus;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

@Path("/api/v1/customers/{customerId}/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class ReferralResource {

    @Inject
    Referrals referrals;

    @Inject
    CallerAccess access;

    @Inject
    Idempotency idempotency;

    public record ReferrerRequest(@NotBlank @Size(max = 20) String referralCode) {
    }

    @RegisterForReflection
    record LinkCommand(UUID customerId, ReferrerRequest request) {
    }

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The customer's referral code, who referred them and whom they referred")
    public ReferralView view(@PathParam("customerId") UUID customerId,
            @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose) {
        access.requireProfileAccess(customerId, purpose);
        return referrals.view(customerId);
    }

    @POST
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Record who referred the customer, by their referral code (requires an Idempotency-Key)",
            description = "Possible once per customer and only before their first purchase; not with one's own code.")
    public Response link(@PathParam("customerId") UUID customerId, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull ReferrerRequest request) {
        access.requireOwnOrStaff(customerId);
        return idempotency.execute(key, "referral.link", new LinkCommand(customerId, request), () -> {
            Customer customer = Customer.findById(customerId);
            if (customer == null) {
                throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
            }
            if (customer.status == CustomerStatus.ERASED) {
                throw new ProblemException(CustomerProblem.CUSTOMER_ERASED, "The customer has been erased");
            }
            var link = referrals.link(customerId, request.referralCode());
            return Response.created(URI.create("/api/v1/customers/" + customerId + "/referrals")).entity(link).build();
        });
    }
}
