package io.motcrm.feedback.fakes;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only stand-in for customer-service's {@code GET /internal/v1/customers/{id}/value}. */
@Path("/internal/v1/customers")
@PermitAll
public class FakeCustomerResource {

    @Inject
    FakeCustomers customers;

    @GET
    @Operation(hidden = true)
    @Path("/{id}/value")
    @Produces(MediaType.APPLICATION_JSON)
    public Response value(@PathParam("id") UUID id) throws InterruptedException {
        customers.calls.incrementAndGet();
        if (customers.delayMillis > 0) {
            Thread.sleep(customers.delayMillis);
        }
        if (customers.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Response.status(503).build();
        }
        var value = customers.values.get(id);
        return value == null ? Response.status(404).build() : Response.ok(value).build();
    }
}
