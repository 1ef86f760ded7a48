package io.motcrm.feedback.customer;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;

/**
 * Asks customer-service for a customer's value with a timeout, one retry and a circuit breaker. A 404
 * is an answer (unknown or erased customer) and is turned into {@link ValueLookup#unknown()} inside the
 * guarded call, so the breaker never counts it; every failure ends as {@link ValueLookup#unavailable()},
 * never as an error of the request that asked. The caller passes its correlation id: the log context
 * it lives in is not reliably there any more when a retry follows a timeout.
 */
@ApplicationScoped
public class CustomerValues {

    @Inject
    @RestClient
    CustomerValueApi api;

    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, successThreshold = 1)
    @Fallback(fallbackMethod = "unavailable")
    public ValueLookup lookup(UUID customerId, String correlationId) {
        try {
            return ValueLookup.found(api.value(customerId, correlationId));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return ValueLookup.unknown();
            }
            throw e;
        }
    }

    ValueLookup unavailable(UUID customerId, String correlationId) {
        Log.debugf("Value of customer %s unavailable; the case is re-prioritised later", customerId);
        return ValueLookup.unavailable();
    }
}
