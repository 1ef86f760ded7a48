package io.motcrm.feedback.retention;

import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.motcrm.feedback.Fixtures.complaint;
import static io.motcrm.feedback.Fixtures.move;
import static io.motcrm.feedback.Fixtures.postFeedback;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.capture.Feedback;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.feedback.fakes.FakeCustomers;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.feedback.stream.MotEvent;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Free texts go a configured period after their case closes; the live stream's log after its own period. */
@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class RetentionTest {

    static final Duration TEXTS = Duration.ofDays(365);
    static final Duration REOPEN_WINDOW = Duration.ofDays(14);
    static final Duration EVENTS = Duration.ofDays(90);

    @Inject
    RetentionJob job;

    @Inject
    FakeCustomers customers;

    String touchpoint;

    @BeforeEach
    void setUp() {
        FakeServices.up();
        touchpoint = Fixtures.touchpoint("store-team");
    }

    private static void note(UUID caseId, String text) {
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(Map.of("visibility", "INTERNAL", "text", text)).post("/api/v1/cases/" + caseId + "/notes").then()
                .statusCode(201);
    }

    private static void apologise(UUID caseId) {
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body(Map.of("kind", "APOLOGY", "note", "Apologised on the phone")).post("/api/v1/cases/" + caseId + "/actions")
                .then().statusCode(201);
    }

    private static UUID closedCase(UUID customer, String touchpoint) {
        UUID caseId = complaint(customer, touchpoint, 1);
        note(caseId, "Spoke to the store manager");
        apologise(caseId);
        move(caseId, "ACKNOWLEDGED", null).statusCode(200);
        move(caseId, "IN_PROGRESS", null).statusCode(200);
        move(caseId, "RESOLVED", "staff-behaviour").statusCode(200);
        move(caseId, "CLOSED", null).statusCode(200);
        return caseId;
    }

    private static Instant closedAt(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> SupportCase.get(caseId).closedAt);
    }

    private static Feedback feedbackOf(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> Feedback.find(
                "id = (select c.feedbackId from SupportCase c where c.id = ?1)", caseId).singleResult());
    }

    @Test
    void aClosedCasesTextsGoOnceTheRetentionAfterItClosedHasPassed() {
        UUID customer = UUID.randomUUID();
        customers.value(customer, "loyal", 900_000);
        UUID closed = closedCase(customer, touchpoint);
        UUID open = complaint(customer, touchpoint, 2);
        note(open, "Customer calls back on Monday");
        Instant closedAt = closedAt(closed);

        job.purge(closedAt.plus(TEXTS).minusSeconds(60));
        assertThat(feedbackOf(closed).text).isEqualTo("The queue took forever");
        given().get("/api/v1/cases/" + closed).then().body("notes.text", contains("Spoke to the store manager"));

        RetentionJob.Purged purged = job.purge(closedAt.plus(TEXTS).plusSeconds(60));
        assertThat(purged.feedbackTexts()).isPositive();
        assertThat(purged.noteTexts()).isPositive();
        Feedback feedback = feedbackOf(closed);
        assertThat(feedback.text).isNull();
        assertThat(feedback.redacted).isTrue();
        assertThat(feedback.csat).isEqualTo(1);
        assertThat(feedback.customerId).isEqualTo(customer);
        given().get("/api/v1/cases/" + closed).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("notes.text", everyItem(nullValue())).body("actions.note", everyItem(nullValue()));
        given().get("/api/v1/cases/" + closed + "/history").then().body("detail", everyItem(nullValue()));
        SupportCase item = QuarkusTransaction.requiringNew().call(() -> SupportCase.get(closed));
        assertThat(item.lifecycleStage).isNull();
        assertThat(item.lifetimeValueMinor).isNull();
        assertThat(item.rootCause).isEqualTo("staff-behaviour");

        // The case still open keeps its texts however old it is.
        assertThat(feedbackOf(open).text).isEqualTo("The queue took forever");
        given().get("/api/v1/cases/" + open).then().body("notes.text", contains("Customer calls back on Monday"));
        // A second run finds nothing more of these.
        assertThat(job.purge(closedAt.plus(TEXTS).plusSeconds(60)).any()).isFalse();
    }

    @Test
    void aResolvedCaseNeverClosedCountsAsClosedOnceItsReopenWindowHasPassed() {
        UUID caseId = complaint(UUID.randomUUID(), touchpoint, 1);
        note(caseId, "Refund sent");
        move(caseId, "ACKNOWLEDGED", null).statusCode(200);
        move(caseId, "IN_PROGRESS", null).statusCode(200);
        move(caseId, "RESOLVED", "billing-error").statusCode(200);
        Instant resolvedAt = QuarkusTransaction.requiringNew().call(() -> SupportCase.get(caseId).resolvedAt);

        job.purge(resolvedAt.plus(TEXTS).plusSeconds(60));
        assertThat(feedbackOf(caseId).text).isNotNull();
        job.purge(resolvedAt.plus(TEXTS).plus(REOPEN_WINDOW).plusSeconds(60));
        assertThat(feedbackOf(caseId).text).isNull();
    }

    @Test
    void feedbackWithoutACaseLosesItsTextTheRetentionAfterItWasSubmitted() {
        UUID customer = UUID.randomUUID();
        String id = asCustomer(customer, () -> postFeedback(Map.of("type", "COMPLIMENT", "touchpointCode", touchpoint,
                "csat", 5, "text", "Lovely staff")).statusCode(201).body("caseId", nullValue()).extract().path("id"));
        Instant submittedAt = QuarkusTransaction.requiringNew().call(() -> Feedback.<Feedback>findById(UUID.fromString(id))
                .submittedAt);

        job.purge(submittedAt.plus(TEXTS).minusSeconds(60));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Feedback.<Feedback>findById(UUID.fromString(id)).text))
                .isEqualTo("Lovely staff");
        job.purge(submittedAt.plus(TEXTS).plusSeconds(60));
        asCustomer(customer, () -> given().get("/api/v1/me/feedback").then().body("items[0].text", nullValue())
                .body("items[0].csat", equalTo(5)));
    }

    @Test
    void theStreamsLogIsKeptForItsOwnPeriod() {
        UUID caseId = complaint(UUID.randomUUID(), touchpoint, 2);
        long before = eventsOf(caseId);
        assertThat(before).isPositive();
        Instant oldest = QuarkusTransaction.requiringNew().call(() -> MotEvent.getEntityManager()
                .createQuery("select min(e.at) from MotEvent e where e.payload like ?1", Instant.class)
                .setParameter(1, "%" + caseId + "%").getSingleResult());

        job.purge(oldest.plus(EVENTS).minusSeconds(60));
        assertThat(eventsOf(caseId)).isEqualTo(before);
        assertThat(job.purge(oldest.plus(EVENTS).plusSeconds(60)).motEvents()).isPositive();
        assertThat(eventsOf(caseId)).isZero();
    }

    private static long eventsOf(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> MotEvent.count("payload like ?1", "%" + caseId + "%"));
    }
}
