package io.motcrm.loyalty;

import io.motcrm.platform.testing.ServiceBasicsChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsChecks {

    @Override
    protected String serviceName() {
        return "loyalty";
    }
}
