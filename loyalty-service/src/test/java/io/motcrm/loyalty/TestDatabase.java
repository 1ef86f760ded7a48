package io.motcrm.loyalty;

import io.motcrm.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this service runs against the loyalty_test database on real PostgreSQL, with a stub of
 * customer-service as the outbox's target ({@link CustomerServiceStub}).
 */
@QuarkusTestResource(CustomerServiceStub.class)
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database", value = "loyalty_test"))
public class TestDatabase {
}
