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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.motcrm.feedback.FeedbackConfig;
import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.feedback.cases.CaseRequests;
import io.motcrm.feedback.cases.CaseService;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.feedback.touchpoint.TouchpointTokens;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.problem.ProblemException;
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
@Tag(name = "Public feedback")
public class PublicFeedbackResource {

    @Inject
    TouchpointTokens tokens;

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
    @Operation(summary = "Submit anonymous feedback with a touchpoint's signed token (Idempotency-Key required)")
    public Response submit(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull PublicFeedbackRequest request,
            @Context HttpServerRequest http) {
        var limits = config.rateLimit();
        String ip = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        limiter.acquire("ip:" + ip, limits.perIp(), limits.window());
        String touchpointCode = tokens.verify(request.token()).orElseThrow(() -> new ProblemException(
                FeedbackProblem.INVALID_PUBLIC_TOKEN, "The link's token is not valid; ask for a new link"));
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
    @Operation(summary = "Rate a case's recovery through the survey link sent on resolution (CSAT 1-5), once")
    public Response rateRecovery(@Valid @NotNull CaseRequests.PublicRecoveryRating rating, @Context HttpServerRequest http) {
        String ip = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        limiter.acquire("ip:" + ip, config.rateLimit().perIp(), config.rateLimit().window());
        SupportCase item = CaseService.byRecoveryToken(rating.token());
        cases.rateRecovery(SupportCase.lock(item.id), rating.csat());
        return Response.noContent().build();
    }

    /** What an anonymous author gets back. */
    @RegisterForReflection
    public record Receipt(java.util.UUID id, boolean caseOpened) {
    }
}
