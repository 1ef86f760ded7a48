package io.motcrm.feedback.customer;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.motcrm.platform.security.ServiceCallHeaders;

/**
 * customer-service's value endpoint (docs/contracts.md); used only through {@link CustomerValues}. Sends
 * this service's own token (role service) and the correlation id.
 */
@RegisterRestClient(configKey = "customer-api")
@RegisterClientHeaders(ServiceCallHeaders.class)
@Path("/internal/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
interface CustomerValueApi {

    @GET
    @Path("/{id}/value")
    CustomerValue value(@PathParam("id") UUID customerId);
}
