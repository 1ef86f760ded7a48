package io.motcrm.feedback.capture;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.feedback.FeedbackConfig;
import io.motcrm.feedback.cases.CaseRequests;
import io.motcrm.feedback.cases.CaseService;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.feedback.touchpoint.PublicLinks;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpServerRequest;

/**
 * Anonymous feedback through a touchpoint's public link. The link's token is signed, so only published
 * touchpoints can be named; submissions are rate-limited per token and per client IP.
 */
@Path("/public/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Customer app")
public class PublicFeedbackResource {

    @Inject
    PublicLinks links;

    @Inject
    RateLimiter limiter;

    @Inject
    FeedbackConfig config;

    @Inject
    Idempotency idempotency;

    @Inject
    FeedbackService feedback;

    @Inject
    CaseService cases;

    @POST
    @Operation(operationId = "submitPublicFeedback", summary = "Submit anonymous feedback with a touchpoint's signed "
            + "token (Idempotency-Key required); a complaint or detractor score opens a case")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublicFeedbackRequest.class),
            examples = @ExampleObject(name = "anonymousRating", summary = "A rating through the link on a store's receipt",
                    value = "{\"token\": \"c3RvcmUtZ2FuZ25hbQ.x8Vd2kQf3nLr0aTz9pWc1mYb7sUe4hGj6oNi5lKq\", "
                            + "\"type\": \"RATING\", \"csat\": 2, \"nps\": 4, \"text\": \"Long queue at the till.\"}")))
    @APIResponse(responseCode = "201", description = "Recorded; the author gets a receipt only (they cannot read the feedback back)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class),
                    examples = @ExampleObject(name = "caseOpened",
                            value = "{\"id\": \"0b7e6d5c-4a3b-4c2d-9e1f-a0b1c2d3e4f5\", \"caseOpened\": true}")))
    @APIResponse(responseCode = "401", description = "`invalid-public-token`: the link's token is not valid")
    @APIResponse(responseCode = "404", description = "`touchpoint-not-found`: the token's touchpoint does not exist")
    @APIResponse(responseCode = "410", description = "`link-expired`: the link (a printed QR code) has expired; "
            + "`link-revoked`: the touchpoint's links were rotated since this one was issued. The `detail` is written for "
            + "the customer: ask staff for a new code")
    @APIResponse(responseCode = "422", description = "`no-score-or-text`: give a score or a text; `text-too-long`: the text "
            + "is longer than the configured limit (`maxLength`); `touchpoint-inactive`: the touchpoint is retired")
    @APIResponse(responseCode = "429", description = "`rate-limited`: too many submissions from this address or through "
            + "this link; retry after Retry-After seconds")
    public Response submit(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull PublicFeedbackRequest request,
            @Context HttpServerRequest http) {
        var limits = config.rateLimit();
        String ip = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        limiter.acquire("ip:" + ip, limits.perIp(), limits.window());
        String touchpointCode = links.admit(request.token());
        limiter.acquire("token:" + touchpointCode, limits.perToken(), limits.window());
        Submission submission = new Submission(request.type(), touchpointCode, request.channel(), request.csat(),
                request.nps(), request.ces(), request.text(), null, Source.ANONYMOUS, "anonymous");
        return idempotency.execute(key, "feedback.public-submit", request, () -> {
            FeedbackView view = feedback.submit(submission);
            // An anonymous author cannot read it back: answer with the receipt only.
            return Response.created(URI.create("/api/v1/feedback/" + view.id()))
                    .entity(new Receipt(view.id(), view.caseId() != null)).build();
        });
    }

    @POST
    @Path("/recovery")
    @jakarta.transaction.Transactional
    @Operation(operationId = "rateRecoveryByLink", summary = "Rate a case's recovery through the survey link sent on "
            + "resolution (CSAT 1-5), once")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "404", description = "`invalid-recovery-token`: the survey link is not valid, or was used already")
    @APIResponse(responseCode = "409", description = "`recovery-not-requested`: no recovery survey is open for the case")
    @APIResponse(responseCode = "429", description = "`rate-limited`: too many requests from this address; retry after "
            + "Retry-After seconds")
    public void rateRecovery(@Valid @NotNull CaseRequests.PublicRecoveryRating rating, @Context HttpServerRequest http) {
        String ip = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        limiter.acquire("ip:" + ip, config.rateLimit().perIp(), config.rateLimit().window());
        SupportCase item = CaseService.byRecoveryToken(rating.token());
        cases.rateRecovery(SupportCase.lock(item.id), rating.csat());
    }

    /** What an anonymous author gets back. */
    @RegisterForReflection
    @Schema(name = "FeedbackReceipt", description = "The feedback's id, and whether it opened a case")
    public record Receipt(@Schema(required = true) java.util.UUID id, @Schema(required = true) boolean caseOpened) {
    }
}
