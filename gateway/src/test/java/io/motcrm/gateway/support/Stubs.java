package io.motcrm.gateway.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Every gateway test runs against the stub services (a global test resource, started once). */
@QuarkusTestResource(StubServicesResource.class)
public final class Stubs {

    private Stubs() {
    }
}
