package io.motcrm.feedback.fakes;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import io.motcrm.platform.testing.FaultProxy;
import io.quarkus.arc.Arc;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.restassured.RestAssured;

/** The fault proxies in front of the fake customer-service and loyalty-service, one of each per test JVM. */
public final class FakeServices {

    private static FaultProxy customers;
    private static FaultProxy loyalty;

    private FakeServices() {
    }

    /** customer-service's proxy; UP unless a test changes it (and puts it back). */
    public static synchronized FaultProxy customers() {
        if (customers == null) {
            customers = FaultProxy.on(port("customer-api"), RestAssured.port, FaultProxy.Mode.UP);
        }
        return customers;
    }

    /** loyalty-service's proxy; UP unless a test changes it (and puts it back). */
    public static synchronized FaultProxy loyalty() {
        if (loyalty == null) {
            loyalty = FaultProxy.on(port("loyalty-api"), RestAssured.port, FaultProxy.Mode.UP);
        }
        return loyalty;
    }

    /** Starts both proxies (UP); call before anything that may reach the other services. */
    /**
     * Both services up, and customer-service's circuit breaker closed again: a test that took the
     * service down must not leave the next test to find the breaker open.
     */
    public static void up() {
        customers().mode(FaultProxy.Mode.UP);
        loyalty().mode(FaultProxy.Mode.UP);
        Arc.container().instance(CircuitBreakerMaintenance.class).get().resetAll();
    }

    private static int port(String target) {
        return URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client." + target + ".url", String.class)).getPort();
    }
}
