package io.motcrm.loyalty.redemption;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.loyalty.LoyaltyProblem;
import io.motcrm.loyalty.partner.PartnerEarnRequest;
import io.motcrm.loyalty.partner.PartnerEarned;
import io.motcrm.loyalty.partner.Partners;
import io.motcrm.loyalty.partner.Settlement;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The partner API: a partner company's backend redeems points with a customer's one-time code
 * (authorize, then capture or void; refund after capture), lets customers earn at its stores and
 * reads its settlements. The partner is the {@code partner_id} of its token; another partner's
 * redemption is a 404. Every write needs an Idempotency-Key.
 */
@Path("/partner/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@Tag(name = "Partner API")
public class PartnerApiResource {

    @Inject
    Redemptions redemptions;

    @Inject
    Partners partners;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @RegisterForReflection
    record RedemptionCommand(UUID redemptionId, Object request) {
    }

    @POST
    @Path("/redemptions")
    @Operation(summary = "Hold points with the customer's one-time code")
    public Response authorize(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull AuthorizeRequest request) {
        String partnerId = partnerId();
        return idempotency.execute(key, "redemption.authorize", request, () -> {
            RedemptionView view = redemptions.authorize(partnerId, request);
            return Response.created(URI.create("/partner/v1/redemptions/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/redemptions/{id}")
    public RedemptionView get(@PathParam("id") UUID id) {
        return redemptions.get(partnerId(), id);
    }

    @POST
    @Path("/redemptions/{id}/capture")
    @Operation(summary = "Capture all or part of the hold; the rest goes back to the customer")
    public Response capture(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid CaptureRequest request) {
        String partnerId = partnerId();
        CaptureRequest body = request == null ? new CaptureRequest(null) : request;
        return idempotency.execute(key, "redemption.capture", new RedemptionCommand(id, body),
                () -> Response.ok(redemptions.capture(partnerId, id, body)).build());
    }

    @POST
    @Path("/redemptions/{id}/void")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Release the hold")
    public Response voidHold(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key) {
        String partnerId = partnerId();
        return idempotency.execute(key, "redemption.void", new RedemptionCommand(id, null),
                () -> Response.ok(redemptions.voidHold(partnerId, id)).build());
    }

    @POST
    @Path("/redemptions/{id}/refunds")
    @Operation(summary = "Give back all or part of the captured points")
    public Response refund(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull RefundRequest request) {
        String partnerId = partnerId();
        return idempotency.execute(key, "redemption.refund", new RedemptionCommand(id, request),
                () -> Response.ok(redemptions.refund(partnerId, id, request)).build());
    }

    @POST
    @Path("/earns")
    @Operation(summary = "Points for a purchase at the partner's store, at the partner's rate")
    public Response earn(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull PartnerEarnRequest request) {
        String partnerId = partnerId();
        return idempotency.execute(key, "partner.earn", request, () -> {
            PartnerEarned earned = partners.earn(partnerId, request);
            return Response.status(earned.duplicate() ? 200 : 201).entity(earned).build();
        });
    }

    @GET
    @Path("/settlements/{month}")
    @Operation(summary = "The calling partner's settlement statement for a month (YYYY-MM, UTC)")
    public Settlement settlement(@PathParam("month") String month) {
        return partners.settlement(partnerId(), month);
    }

    private String partnerId() {
        return caller.partnerId().orElseThrow(() -> new ProblemException(LoyaltyProblem.PARTNER_NOT_ACTIVE,
                "The token names no partner"));
    }
}
