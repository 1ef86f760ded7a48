package io.motcrm.feedback.fakes;

import java.util.Map;

import io.motcrm.platform.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Reserves a port each for customer-service and loyalty-service and points the REST client and the
 * outbox at them. Tests put a {@link io.motcrm.platform.testing.FaultProxy} on each port, forwarding to
 * this application's fake endpoints ({@link FakeLoyaltyResource}, {@link FakeCustomerResource}).
 */
public class FakeServicePorts implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.customer-api.url", "http://127.0.0.1:" + FreePorts.next(),
                "quarkus.rest-client.loyalty-api.url", "http://127.0.0.1:" + FreePorts.next());
    }

    @Override
    public void stop() {
    }
}
