package io.motcrm.feedback.fakes;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;

/** Test-only stand-in for customer-service's {@code POST /internal/v1/access-log}, which staff reads reach. */
@Path("/internal/v1/access-log")
@PermitAll
@Blocking
public class FakeAccessLogResource {

    @Inject
    FakeCustomers customers;

    @POST
    @Operation(hidden = true)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(JsonNode body) {
        customers.accessLog.add(body);
        return Response.noContent().build();
    }
}
