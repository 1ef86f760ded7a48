package io.motcrm.customer.insight;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.platform.security.Roles;

/** What feedback-service reads to prioritise cases (docs/contracts.md). */
@Path("/internal/v1/customers/{customerId}/value")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class CustomerValueResource {

    @Inject
    Insights insights;

    public record CustomerValue(UUID customerId, LifecycleStage lifecycleStage, long lifetimeValueMinor) {
    }

    @GET
    @RolesAllowed(Roles.SERVICE)
    @Operation(operationId = "getCustomerValue",
            summary = "A customer's lifecycle stage and lifetime value, for feedback-service's case priority",
            description = "Lifetime value in minor units: " + Insights.CLV_FORMULA)
    @APIResponse(responseCode = "200", description = "The customer's value",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerValue.class)))
    @APIResponse(responseCode = "404", description = "`customer-not-found`: no such customer, or the customer is erased")
    public CustomerValue value(@PathParam("customerId") UUID customerId) {
        InsightView insight = insights.get(customerId);
        return new CustomerValue(customerId, insight.lifecycleStage(), insight.lifetimeValueMinor());
    }
}
