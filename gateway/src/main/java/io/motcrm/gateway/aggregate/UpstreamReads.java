package io.motcrm.gateway.aggregate;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.gateway.routing.CircuitBreaker;
import io.motcrm.gateway.routing.CircuitBreakers;
import io.motcrm.gateway.routing.Upstreams;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/**
 * GETs of JSON from a service with a deadline, for the gateway's aggregates. Never fails: an answer
 * that does not come, or is not a 2xx JSON document, is a {@link Read} saying why. A service whose
 * circuit is open is not asked at all (status 0, "circuit open").
 */
@ApplicationScoped
public class UpstreamReads {

    @Inject
    Upstreams upstreams;

    @Inject
    Vertx vertx;

    @Inject
    CircuitBreakers breakers;

    @Inject
    ObjectMapper mapper;

    /** What a read gave: the document on 2xx, else the status (0 when there was no answer) and why. */
    public record Read(int status, JsonNode body, String reason) {

        public boolean ok() {
            return body != null;
        }

        static Read of(JsonNode body, int status) {
            return new Read(status, body, null);
        }

        static Read failed(int status, String reason) {
            return new Read(status, null, reason);
        }
    }

    public Uni<Read> get(String target, String path, Map<String, String> headers, Duration deadline) {
        return Uni.createFrom().completionStage(() -> fetch(target, path, headers, deadline).future().toCompletionStage());
    }

    private Promise<Read> fetch(String target, String path, Map<String, String> headers, Duration deadline) {
        Promise<Read> result = Promise.promise();
        CircuitBreaker.Permit permit = breakers.tryAcquire(target);
        if (permit == null) {
            result.complete(Read.failed(0, "circuit open"));
            return result;
        }
        var options = upstreams.options(target, HttpMethod.GET, path).putHeader("Accept", "application/json");
        headers.forEach((name, value) -> {
            if (value != null) {
                options.putHeader(name, value);
            }
        });
        var pending = new io.vertx.core.http.HttpClientRequest[1];
        long timer = vertx.setTimer(deadline.toMillis(), id -> {
            if (result.tryComplete(Read.failed(0, "timeout")) && pending[0] != null) {
                pending[0].reset();
            }
        });
        upstreams.client().request(options)
                .compose(request -> {
                    pending[0] = request;
                    if (result.future().isComplete()) {
                        request.reset();
                    }
                    return request.send();
                })
                .compose(response -> response.body().map(body -> {
                    int status = response.statusCode();
                    if (status / 100 != 2) {
                        return Read.failed(status, "status " + status);
                    }
                    try {
                        return Read.of(mapper.readTree(body.getBytes()), status);
                    } catch (IOException e) {
                        return Read.failed(status, "not JSON");
                    }
                }))
                .onComplete(done -> {
                    vertx.cancelTimer(timer);
                    result.tryComplete(done.succeeded() ? done.result() : Read.failed(0, "unreachable"));
                });
        // A timeout or no answer counts against the service; an answer by its status (a 404 is healthy).
        result.future().onSuccess(read -> {
            if (read.status() == 0) {
                permit.failed();
            } else {
                permit.answered(read.status());
            }
        });
        return result;
    }
}
