package io.motcrm.customer.privacy;

import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.customer.ApiProblems;
import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.audience.Audiences;
import io.motcrm.customer.consent.Consents;
import io.motcrm.customer.insight.Insights;
import io.motcrm.customer.profile.Customer;
import io.motcrm.customer.profile.CustomerView;
import io.motcrm.customer.profile.Customers;
import io.motcrm.customer.purchase.Purchases;
import io.motcrm.customer.referral.Referrals;
import io.motcrm.platform.security.Roles;

/**
 * The export of everything customer-service holds about a customer. The gateway puts it together with the
 * other services' parts ({@code GET /api/v1/me/export} for the customer, the same path for staff), so this
 * service has no {@code /me} twin of it.
 */
@Path("/api/v1/customers/{customerId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExportResource {

    @Inject
    CallerAccess access;

    @Inject
    Disclosure disclosure;

    @Inject
    Erasures erasures;

    @Inject
    Consents consents;

    @Inject
    Purchases purchases;

    @Inject
    Referrals referrals;

    @Inject
    Insights insights;

    @Inject
    Audiences audiences;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Transactional
    @Tag(name = "Staff")
    @Operation(operationId = "exportCustomerProfileData",
            summary = "Everything customer-service holds about the customer, as one JSON document",
            description = "Profile, consent history (the current state per purpose is its latest event; none means "
                    + "not granted), purchases with their lines and returns (no customer id and no sums, which follow "
                    + "from the lines and returns), referrals, insight, "
                    + "marketing contacts, the access log (every staff read here and in the other services, with "
                    + "section and purpose) and the erasure record: every personal value this service holds. A staff "
                    + "export is logged (section export); masking applies as for the profile.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerExport.class)))
    @APIResponse(responseCode = "400", description = ApiProblems.PURPOSE_REQUIRED)
    @APIResponse(responseCode = "404", description = ApiProblems.CUSTOMER_NOT_FOUND)
    public CustomerExport export(@PathParam("customerId") UUID customerId,
            @Parameter(description = CallerAccess.PURPOSE_DESCRIPTION) @HeaderParam(CallerAccess.PURPOSE_HEADER) String purpose) {
        access.requireProfileAccess(customerId, purpose);
        Customer customer = Customers.find(customerId);
        CustomerView profile = disclosure.disclose(CustomerView.of(customer), purpose, ProfileAccess.Action.EXPORT);
        return new CustomerExport(clock.instant(), profile, consents.history(customerId),
                purchases.export(customerId), referrals.view(customerId),
                insights.find(customerId), audiences.contacts(customerId), disclosure.allAccesses(customerId),
                erasures.find(customerId));
    }
}
