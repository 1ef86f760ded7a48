package io.motcrm.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.Problem;
import io.motcrm.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem details for what the HTTP layer answers before any resource runs: a path nothing serves,
 * and errors Vert.x raises itself (such as a body over {@code quarkus.http.limits.max-body-size}).
 */
@ApplicationScoped
public class HttpProblems {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(context, CommonProblem.PAYLOAD_TOO_LARGE, "The body may be at most " + limit + " bytes");
            } else {
                context.next();
            }
        });
        router.route().order(Integer.MAX_VALUE)
                .handler(context -> send(context, CommonProblem.NOT_FOUND, "Nothing exists at this path"));
        // A bearer token the OIDC mechanism rejects (bad signature, expired, wrong issuer) fails the route
        // before any resource runs: answer it as a problem too.
        router.route().order(Integer.MIN_VALUE + 2).failureHandler(context -> {
            Throwable failure = context.failure();
            if (failure instanceof AuthenticationFailedException && !(failure instanceof AuthenticationRedirectException)) {
                context.response().putHeader("WWW-Authenticate", "Bearer");
                send(context, CommonProblem.UNAUTHORIZED, "The bearer token is not valid");
            } else {
                context.next();
            }
        });
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public void send(RoutingContext context, ProblemType type, String detail) {
        if (context.response().headWritten()) {
            context.response().end();
            return;
        }
        Problem problem = Problem.of(type, detail, context.normalizedPath(), java.util.List.of(), java.util.Map.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + type.status() + "}";
        }
        context.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
