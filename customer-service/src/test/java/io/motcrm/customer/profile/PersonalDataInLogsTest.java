package io.motcrm.customer.profile;

import static io.motcrm.customer.Callers.signUp;
import static io.motcrm.customer.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.LogCapture;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Database errors name the constraint, never the values: PostgreSQL's detail ("Key (email)=(...)") is not asked for. */
@QuarkusTest
@TestSecurity(user = "agent-log", roles = "agent")
class PersonalDataInLogsTest {

    @Test
    void aUniqueViolationOnAnEmailLogsAndThrowsWithoutTheEmail() {
        String email = "taken." + unique() + "@example.com";
        signUp("{\"name\": \"First\", \"email\": \"%s\"}".formatted(email)).statusCode(201);
        try (LogCapture logs = LogCapture.open()) {
            // What a sign-up racing past the check meets: the partial unique index on active emails.
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                Customer twin = new Customer();
                twin.id = UUID.randomUUID();
                twin.memberCode = "0000000000";
                twin.referralCode = "00000000";
                twin.name = "Second";
                twin.email = email;
                twin.status = CustomerStatus.ACTIVE;
                twin.createdAt = Instant.now();
                twin.updatedAt = twin.createdAt;
                twin.persist();
                Panache.getEntityManager().flush();
            })).satisfies(e -> {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    assertThat(String.valueOf(cause.getMessage())).doesNotContain(email);
                }
            });
            assertThat(logs.size()).as("Hibernate logs the failed statement").isPositive();
            assertThat(logs.mentioning(email)).isEmpty();
        }
    }
}
