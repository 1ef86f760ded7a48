package io.motcrm.gateway.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts {@link StubServices} before the gateway and points the gateway's targets at them. */
public class StubServicesResource implements QuarkusTestResourceLifecycleManager {

    private StubServices stubs;

    @Override
    public Map<String, String> start() {
        stubs = new StubServices().start();
        return Map.of(
                "quarkus.rest-client.customer-api.url", stubs.url(StubServices.CUSTOMER),
                "quarkus.rest-client.feedback-api.url", stubs.url(StubServices.FEEDBACK),
                "quarkus.rest-client.loyalty-api.url", stubs.url(StubServices.LOYALTY));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stubs, new TestInjector.AnnotatedAndMatchesType(InjectStubs.class, StubServices.class));
    }

    @Override
    public void stop() {
        if (stubs != null) {
            stubs.stop();
        }
    }
}
