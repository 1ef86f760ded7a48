package io.motcrm.feedback;

import io.motcrm.feedback.fakes.FakeServicePorts;
import io.motcrm.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this service runs against the feedback_test database on real PostgreSQL, with
 * customer-service and loyalty-service played by fakes behind fault proxies.
 */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database", value = "feedback_test"))
@QuarkusTestResource(FakeServicePorts.class)
public class TestDatabase {
}
