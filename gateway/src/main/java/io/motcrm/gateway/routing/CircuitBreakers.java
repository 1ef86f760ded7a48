package io.motcrm.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.motcrm.gateway.GatewayConfig;

/**
 * A circuit breaker per service behind the gateway, shared by the proxied routes and the aggregates,
 * so a service that times out or fails stops costing callers a timeout each. The state of each is
 * the gauge {@code motcrm_gateway_circuit_state} (0 closed, 1 half-open, 2 open).
 */
@ApplicationScoped
public class CircuitBreakers {

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry meters;

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    /** Leave to send a request to a target (e.g. {@code loyalty-api}), or {@code null} when its circuit is open. */
    public CircuitBreaker.Permit tryAcquire(String target) {
        if (!config.circuitBreaker().enabled()) {
            return CircuitBreaker.UNGUARDED;
        }
        return of(target).tryAcquire();
    }

    public CircuitBreaker of(String target) {
        return breakers.computeIfAbsent(target, this::create);
    }

    private CircuitBreaker create(String target) {
        GatewayConfig.CircuitBreaker settings = config.circuitBreaker();
        CircuitBreaker breaker = new CircuitBreaker(target, new CircuitBreaker.Settings(settings.window(),
                settings.minimumCalls(), settings.failureRatio(), settings.openFor(), settings.halfOpenTrials()),
                System::nanoTime);
        Gauge.builder("motcrm.gateway.circuit.state", breaker, b -> b.state().ordinal())
                .tag("upstream", target).description("0 closed, 1 half-open, 2 open").register(meters);
        return breaker;
    }
}
