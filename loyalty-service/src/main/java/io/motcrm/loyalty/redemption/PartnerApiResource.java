package io.motcrm.loyalty.redemption;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.loyalty.ApiExamples;
import io.motcrm.loyalty.Cursors;
import io.motcrm.loyalty.LoyaltyProblem;
import io.motcrm.loyalty.partner.PartnerEarnRequest;
import io.motcrm.loyalty.partner.PartnerEarned;
import io.motcrm.loyalty.partner.Partners;
import io.motcrm.loyalty.partner.Settlement;
import io.motcrm.platform.openapi.ProblemDocumentation;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The partner API: a partner company's backend redeems points with a customer's one-time code
 * (authorize, then capture or void; refund after capture), lets customers earn at its stores and
 * reads its settlements. The partner is the {@code partner_id} of its token; another partner's
 * redemption is a 404. Every write needs an Idempotency-Key. A partner learns what it holds, captures and
 * refunds, and knows the customer by its own pseudonymous reference ({@link io.motcrm.loyalty.partner.PartnerReferences});
 * the member code only with the customer's {@code partner_sharing} consent, and never their balance.
 */
@Path("/partner/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@Tag(name = "Partner")
public class PartnerApiResource {

    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final String NO_PARTNER = "`partner-not-active`: the token names no partner";

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
    @Operation(operationId = "authorizeRedemption", summary = "Hold points with the customer's one-time code",
            description = "The hold lasts until `expiresAt` (15 minutes by default); then it is released unless captured. "
                    + "The answer names the customer by this partner's own `customerReference`, and by `memberCode` only "
                    + "while the customer consents to `partner_sharing`; it says nothing about the rest of their points.")
    @RequestBody(content = @Content(mediaType = JSON, schema = @Schema(implementation = AuthorizeRequest.class),
            examples = @ExampleObject(name = "hold", value = ApiExamples.AUTHORIZE_REQUEST)))
    @APIResponse(responseCode = "201", description = "The points are held",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RedemptionView.class),
                    examples = @ExampleObject(name = "held", value = ApiExamples.REDEMPTION_PENDING)))
    @APIResponse(responseCode = "403", description = "`partner-not-active`: the token names no partner, or the partner "
            + "is not registered or is suspended")
    @APIResponse(responseCode = "409", description = "`redemption-code-used`: the code was already used")
    @APIResponse(responseCode = "422", description = "`redemption-code-invalid`: no such code; "
            + "`redemption-code-expired`: the code expired; `redemption-code-revoked`: the customer revoked the code; "
            + "`redemption-code-cap-exceeded`: more points than the "
            + "customer allowed with this code (member maxPoints); `insufficient-points`: the customer has not enough "
            + "points available for this amount (member requested; the balance is not disclosed)")
    public Response authorize(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull AuthorizeRequest request) {
        String partnerId = partnerId();
        return idempotency.execute(key, "redemption.authorize", request, () -> {
            RedemptionView view = redemptions.authorize(partnerId, request);
            return Response.created(URI.create("/partner/v1/redemptions/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/redemptions/{id}")
    @Operation(operationId = "getRedemption", summary = "One of the calling partner's redemptions")
    @APIResponse(responseCode = "200", description = "The redemption as it stands",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RedemptionView.class),
                    examples = @ExampleObject(name = "captured", value = ApiExamples.REDEMPTION_CAPTURED)))
    @APIResponse(responseCode = "403", description = NO_PARTNER)
    @APIResponse(responseCode = "404", description = "`redemption-not-found`: no such redemption of this partner")
    public RedemptionView get(@PathParam("id") UUID id) {
        return redemptions.get(partnerId(), id);
    }

    @POST
    @Path("/redemptions/{id}/capture")
    @Operation(operationId = "captureRedemption", summary = "Capture all or part of the hold; the rest goes back to the customer",
            description = "Without `points` (or with an empty body), the whole hold is captured.")
    @RequestBody(required = false, content = @Content(mediaType = JSON, schema = @Schema(implementation = CaptureRequest.class),
            examples = @ExampleObject(name = "part", value = ApiExamples.CAPTURE_REQUEST)))
    @APIResponse(responseCode = "200", description = "Captured",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RedemptionView.class),
                    examples = @ExampleObject(name = "captured", value = ApiExamples.REDEMPTION_CAPTURED)))
    @APIResponse(responseCode = "403", description = NO_PARTNER)
    @APIResponse(responseCode = "404", description = "`redemption-not-found`: no such redemption of this partner")
    @APIResponse(responseCode = "409", description = "`redemption-not-pending`: the hold was already captured, voided "
            + "or released (its state is in member currentStatus); `hold-expired`: the hold timed out")
    @APIResponse(responseCode = "422", description = "`capture-exceeds-hold`: more points than are held (member heldPoints)")
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
    @Operation(operationId = "voidRedemption", summary = "Release the hold: all its points go back to the customer")
    @APIResponse(responseCode = "200", description = "Voided",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RedemptionView.class),
                    examples = @ExampleObject(name = "voided", value = ApiExamples.REDEMPTION_VOIDED)))
    @APIResponse(responseCode = "403", description = NO_PARTNER)
    @APIResponse(responseCode = "404", description = "`redemption-not-found`: no such redemption of this partner")
    @APIResponse(responseCode = "409", description = "`redemption-not-pending`: the hold was already captured, voided "
            + "or released (its state is in member currentStatus); `hold-expired`: the hold timed out")
    public Response voidHold(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key) {
        String partnerId = partnerId();
        return idempotency.execute(key, "redemption.void", new RedemptionCommand(id, null),
                () -> Response.ok(redemptions.voidHold(partnerId, id)).build());
    }

    @POST
    @Path("/redemptions/{id}/refunds")
    @Operation(operationId = "refundRedemption", summary = "Give back all or part of the captured points",
            description = "Several refunds may follow one capture, up to the points captured.")
    @RequestBody(content = @Content(mediaType = JSON, schema = @Schema(implementation = RefundRequest.class),
            examples = @ExampleObject(name = "part", value = ApiExamples.REFUND_REQUEST)))
    @APIResponse(responseCode = "200", description = "Refunded: the redemption after the refund",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RedemptionView.class),
                    examples = @ExampleObject(name = "refunded", value = ApiExamples.REDEMPTION_REFUNDED)))
    @APIResponse(responseCode = "403", description = NO_PARTNER)
    @APIResponse(responseCode = "404", description = "`redemption-not-found`: no such redemption of this partner")
    @APIResponse(responseCode = "409", description = "`redemption-not-captured`: only captured points can be refunded")
    @APIResponse(responseCode = "422", description = "`refund-exceeds-captured`: more than was captured and not yet "
            + "refunded (member refundablePoints); `account-closed`: the customer's account was closed since")
    public Response refund(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull RefundRequest request) {
        String partnerId = partnerId();
        return idempotency.execute(key, "redemption.refund", new RedemptionCommand(id, request),
                () -> Response.ok(redemptions.refund(partnerId, id, request)).build());
    }

    @POST
    @Path("/earns")
    @Operation(operationId = "recordPartnerEarn", summary = "Points for a purchase at the partner's store, at the partner's rate",
            description = "The tier multiplier and the daily limit apply (`withheldPoints`). A reference is booked once "
                    + "per partner: sending it again, even under a new Idempotency-Key, answers 200 with the first "
                    + "earn and `duplicate: true`.")
    @RequestBody(content = @Content(mediaType = JSON, schema = @Schema(implementation = PartnerEarnRequest.class),
            examples = @ExampleObject(name = "purchase", value = ApiExamples.EARN_REQUEST)))
    @APIResponse(responseCode = "201", description = "Points booked",
            extensions = @Extension(name = ProblemDocumentation.NO_LOCATION, value = "An earn is known by the partner's own reference"),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PartnerEarned.class),
                    examples = @ExampleObject(name = "earned", value = ApiExamples.EARNED)))
    @APIResponse(responseCode = "200", description = "The reference was already booked: the first earn, nothing booked again",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PartnerEarned.class),
                    examples = @ExampleObject(name = "duplicate", value = ApiExamples.EARNED_DUPLICATE)))
    @APIResponse(responseCode = "403", description = "`partner-not-active`: the token names no partner, or the partner "
            + "is not registered or is suspended")
    @APIResponse(responseCode = "404", description = "`account-not-found`: no open points account has this member code")
    @APIResponse(responseCode = "409", description = "`reference-used`: the reference was booked for another member or another amount")
    public Response earn(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull PartnerEarnRequest request) {
        String partnerId = partnerId();
        return idempotency.execute(key, "partner.earn", request, () -> {
            PartnerEarned earned = partners.earn(partnerId, request);
            return Response.status(earned.duplicate() ? 200 : 201).entity(earned).build();
        });
    }

    @GET
    @Path("/settlements/{month}")
    @Operation(operationId = "getPartnerSettlement", summary = "The calling partner's settlement statement for a month (YYYY-MM, UTC)",
            description = Settlement.PAGING)
    @APIResponse(responseCode = "200", description = "The month's totals and a page of its lines",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Settlement.class),
                    examples = @ExampleObject(name = "month", value = ApiExamples.SETTLEMENT)))
    @APIResponse(responseCode = "400", description = Settlement.INVALID)
    @APIResponse(responseCode = "403", description = NO_PARTNER)
    @APIResponse(responseCode = "404", description = "`partner-not-found`: the token's partner is not registered")
    public Settlement settlement(@PathParam("month") String month,
            @Parameter(description = Cursors.AFTER) @QueryParam("after") String after,
            @Parameter(description = Settlement.LIMIT) @QueryParam("limit") @DefaultValue("" + Settlement.DEFAULT_LIMIT)
            @Min(1) @Max(Settlement.MAX_LIMIT) int limit) {
        return partners.settlement(partnerId(), month, after, limit);
    }

    private String partnerId() {
        return caller.partnerId().orElseThrow(() -> new ProblemException(LoyaltyProblem.PARTNER_NOT_ACTIVE,
                "The token names no partner"));
    }
}
