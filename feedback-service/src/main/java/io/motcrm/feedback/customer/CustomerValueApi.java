package io.motcrm.feedback.customer;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.motcrm.platform.security.ServiceCallHeaders;
import io.motcrm.platform.web.CorrelationId;

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
    /** {@code correlationId}: the asking request's, passed explicitly so that a retry carries it too (or null). */
    CustomerValue value(@PathParam("id") UUID customerId, @HeaderParam(CorrelationId.HEADER) String correlationId);
}
