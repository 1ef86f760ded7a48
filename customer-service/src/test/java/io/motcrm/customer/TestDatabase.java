package io.motcrm.customer;

import io.motcrm.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this service runs against the customer_test database on real PostgreSQL, with stand-ins
 * for the services the outbox delivers to ({@link EventReceivers}).
 */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database", value = "customer_test"))
@QuarkusTestResource(EventReceivers.class)
public class TestDatabase {
}
