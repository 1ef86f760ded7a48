package io.motcrm.feedback.capture;

import static io.motcrm.feedback.Fixtures.asCustomer;
import static io.motcrm.feedback.Fixtures.complaint;
import static io.motcrm.feedback.Fixtures.postFeedback;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.outbox.OutboxMessage;
import io.motcrm.platform.privacy.AccessRecorded;
import io.motcrm.platform.privacy.StaffReads;
import io.motcrm.platform.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Staff search feedback (a read of customers' data, so with a purpose), customers page through their own. */
@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class FeedbackSearchTest {

    @Inject
    MutableClock clock;

    String touchpoint;
    String word;

    @BeforeEach
    void setUp() {
        FakeServices.up();
        touchpoint = Fixtures.touchpoint("store-team");
        word = "zq" + UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String submit(UUID customer, Map<String, Object> body) {
        return asCustomer(customer, () -> postFeedback(body).statusCode(201).extract().path("id"));
    }

    private static ValidatableResponse search(String query) {
        return given().header(StaffReads.PURPOSE_HEADER, "suggestion triage").get("/api/v1/feedback" + query).then();
    }

    private static long accessMessagesOf(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("target = ?1 and payload like ?2",
                AccessRecorded.TARGET, "%" + customerId + "%"));
    }

    /** Issue 15: GET /api/v1/feedback was 405, so staff could not find feedback without its id. */
    @Test
    void staffFindFeedbackByTypeTouchpointStatusPeriodAndText() {
        UUID hana = UUID.randomUUID();
        UUID jun = UUID.randomUUID();
        Instant start = clock.instant();
        String planned = submit(hana, Map.of("type", "SUGGESTION", "touchpointCode", touchpoint, "text", "More " + word.toUpperCase() + " please"));
        clock.advance(Duration.ofMinutes(1));
        String received = submit(jun, Map.of("type", "SUGGESTION", "touchpointCode", touchpoint, "text", "A " + word + " corner"));
        clock.advance(Duration.ofMinutes(1));
        String compliment = submit(jun, Map.of("type", "COMPLIMENT", "touchpointCode", touchpoint, "csat", 5, "text", "Nice " + word));
        clock.advance(Duration.ofMinutes(1));
        UUID caseId = complaint(hana, touchpoint, 1);
        given().contentType(ContentType.JSON).body(Map.of("status", "PLANNED", "response", "In spring"))
                .put("/api/v1/feedback/" + planned + "/suggestion").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("status", "RECEIVED"))
                .put("/api/v1/feedback/" + received + "/suggestion").then().statusCode(200);

        search("?text=" + word).statusCode(200).body("items.id", contains(compliment, received, planned))
                .body("nextCursor", nullValue());
        search("?text=" + word + "&type=SUGGESTION").body("items.id", contains(received, planned));
        search("?text=" + word + "&status=PLANNED").body("items.id", contains(planned))
                .body("items[0].suggestion.response", equalTo("In spring"));
        search("?touchpoint=" + touchpoint + "&caseStatus=NEW").body("items.caseId", contains(caseId.toString()));
        search("?touchpoint=" + touchpoint).body("items", hasSize(4));
        search("?touchpoint=no-such-touchpoint").statusCode(200).body("items", hasSize(0));
        search("?text=" + word + "&from=" + start.plus(Duration.ofSeconds(30)) + "&to=" + start.plus(Duration.ofSeconds(150)))
                .body("items.id", contains(compliment, received));
        search("?text=%25").statusCode(200);
        search("?from=yesterday").statusCode(400).body("code", equalTo("invalid-period"));
        search("?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z").statusCode(400).body("code", equalTo("invalid-period"));
        search("?after=not-a-cursor").statusCode(400).body("code", equalTo("invalid-cursor"));
        asCustomer(hana, () -> given().get("/api/v1/feedback").then().statusCode(403));
    }

    @Test
    void theSearchPagesThroughEverythingOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, submit(UUID.randomUUID(), Map.of("type", "SUGGESTION", "touchpointCode", touchpoint, "text", "Idea " + word)));
            clock.advance(Duration.ofSeconds(1));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            ValidatableResponse page = search("?text=" + word + "&limit=2" + (after == null ? "" : "&after=" + after)).statusCode(200);
            seen.addAll(page.extract().path("items.id"));
            after = page.extract().path("nextCursor");
        } while (after != null);
        assertThat(seen).containsExactlyElementsOf(ids);
    }

    /** The rule: the search states a purpose, and each page is one access-log entry per customer it shows. */
    @Test
    void searchingNeedsAPurposeAndIsRecordedOncePerCustomerShown() {
        UUID hana = UUID.randomUUID();
        UUID jun = UUID.randomUUID();
        UUID notShown = UUID.randomUUID();
        submit(hana, Map.of("type", "SUGGESTION", "touchpointCode", touchpoint, "text", "One " + word));
        submit(hana, Map.of("type", "SUGGESTION", "touchpointCode", touchpoint, "text", "Two " + word));
        submit(jun, Map.of("type", "SUGGESTION", "touchpointCode", touchpoint, "text", "Three " + word));
        submit(notShown, Map.of("type", "SUGGESTION", "touchpointCode", touchpoint, "text", "Unrelated"));

        given().get("/api/v1/feedback?text=" + word).then().statusCode(400).body("code", equalTo("access-purpose-required"));
        assertThat(accessMessagesOf(hana)).isZero();

        search("?text=" + word).statusCode(200).body("items", hasSize(3));
        assertThat(accessMessagesOf(hana)).isEqualTo(1);
        assertThat(accessMessagesOf(jun)).isEqualTo(1);
        assertThat(accessMessagesOf(notShown)).isZero();
        String payload = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find(
                "target = ?1 and payload like ?2", AccessRecorded.TARGET, "%" + jun + "%").firstResult().payload);
        assertThat(payload).contains("\"section\":\"feedback\"").contains("suggestion triage");
    }

    /** Issue 15: /api/v1/me/feedback answered everything (up to 200) in one list. */
    @Test
    void customersPageThroughTheirOwnFeedback() {
        UUID customer = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(0, submit(customer, Map.of("type", "RATING", "touchpointCode", touchpoint, "nps", 9)));
            clock.advance(Duration.ofSeconds(1));
        }
        String next = asCustomer(customer, () -> given().get("/api/v1/me/feedback?limit=2").then().statusCode(200)
                .body("items.id", contains(ids.get(0), ids.get(1))).body("nextCursor", notNullValue()).extract().path("nextCursor"));
        asCustomer(customer, () -> given().get("/api/v1/me/feedback?limit=2&after=" + next).then().statusCode(200)
                .body("items.id", contains(ids.get(2))).body("nextCursor", nullValue()));
        asCustomer(customer, () -> given().get("/api/v1/me/feedback?after=%21%21").then().statusCode(400)
                .body("code", equalTo("invalid-cursor")));
        asCustomer(customer, () -> given().get("/api/v1/me/feedback?limit=101").then().statusCode(400));
    }
}
