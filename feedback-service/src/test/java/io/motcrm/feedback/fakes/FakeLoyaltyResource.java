package io.motcrm.feedback.fakes;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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

/** Test-only stand-in for loyalty-service's {@code POST /internal/v1/compensations}. */
@Path("/internal/v1/compensations")
@PermitAll
@Blocking
public class FakeLoyaltyResource {

    @Inject
    FakeLoyalty loyalty;

    @POST
    @Operation(hidden = true)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(JsonNode body) throws InterruptedException {
        UUID actionId = UUID.fromString(body.get("actionId").asText());
        loyalty.deliveries.computeIfAbsent(actionId, id -> new AtomicInteger()).incrementAndGet();
        if (loyalty.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Response.status(loyalty.failStatus).build();
        }
        loyalty.grants.putIfAbsent(actionId, body);
        if (loyalty.slowNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            Thread.sleep(loyalty.slowMillis);
        }
        return Response.ok().build();
    }
}
