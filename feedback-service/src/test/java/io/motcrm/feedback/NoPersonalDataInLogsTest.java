package io.motcrm.feedback;

import static io.motcrm.feedback.Fixtures.as;
import static io.motcrm.feedback.Fixtures.postFeedback;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.feedback.retention.RetentionJob;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestCallers;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Nothing this service logs carries what a customer wrote or who they are: log lines hold ids. */
@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class NoPersonalDataInLogsTest {

    /** Every log record of the application while a test runs, whatever its level or logger. */
    static final class Capture extends Handler {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    final Capture capture = new Capture();

    @BeforeEach
    void listen() {
        FakeServices.up();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    static String unique(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCustomersLifeHereLeavesTheirNameAndTextsOutOfTheLogs() {
        UUID customer = UUID.randomUUID();
        String userName = unique("jiwoo.park@example.com");
        String complaint = unique("my phone 010-5555 was ignored");
        String note = unique("called back Ms Park");
        String reason = unique("goodwill");
        String purpose = unique("checking her complaint");
        String touchpoint = Fixtures.touchpoint("store-team");
        List<String> values = List.of(userName, complaint, note, reason, purpose);

        String[] feedbackId = new String[1];
        TestCallers.as(userName, Set.of(Roles.CUSTOMER), Map.of("customer_id", customer.toString()),
                () -> feedbackId[0] = postFeedback(Map.of("type", "COMPLAINT", "touchpointCode", touchpoint, "csat", 1,
                        "text", complaint)).statusCode(201).extract().path("id"));
        String caseId = given().get("/api/v1/feedback/" + feedbackId[0]).then().extract().path("caseId");
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(Map.of("text", note)).post("/api/v1/cases/" + caseId + "/notes").then().statusCode(201);
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(Map.of("kind", "COMPENSATION_POINTS", "points", 100, "note", reason))
                .post("/api/v1/cases/" + caseId + "/actions").then().statusCode(201);
        given().header(StaffReads.PURPOSE_HEADER, purpose).get("/api/v1/feedback/customers/" + customer + "/export")
                .then().statusCode(200);
        // Refused requests quote nothing personal either.
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(Map.of("text", note + "x".repeat(4000))).post("/api/v1/cases/" + caseId + "/notes").then()
                .statusCode(400);
        as("customer-service", Roles.SERVICE, () -> given().contentType(ContentType.JSON)
                .header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(Map.of("customerId", customer, "erasureId", UUID.randomUUID(), "erasedAt", "2026-12-07T10:00:00Z"))
                .post("/internal/v1/events/customer-erased").then().statusCode(200));
        Arc.container().instance(RetentionJob.class).get().purge(java.time.Instant.now().plus(java.time.Duration.ofDays(800)));

        assertThat(capture.lines).isNotEmpty();
        List<String> leaks = new ArrayList<>();
        for (String line : capture.lines) {
            values.stream().filter(line::contains).forEach(value -> leaks.add(value + " in: " + line));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void aDatabaseErrorQuotesNoRowIntoTheExceptionThatGetsLogged() {
        String text = unique("a customer's sentence");
        Throwable failure = catchThrowable(() -> QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("""
                        insert into feedback (id, type, csat, text, touchpoint_id, channel, source, submitted_by, submitted_at)
                        values (gen_random_uuid(), 'RATING', 9, :text, gen_random_uuid(), 'STORE', 'CUSTOMER', 'x', now())""")
                .setParameter("text", text).executeUpdate()));
        assertThat(failure).isNotNull();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).contains("feedback_csat_check").doesNotContain(text);
    }
}
