package io.motcrm.feedback.stream;

import static io.motcrm.feedback.Fixtures.complaint;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.feedback.Fixtures;
import io.motcrm.feedback.fakes.FakeServices;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;

@QuarkusTest
@TestSecurity(user = "agent-alex", roles = "agent")
class MotStreamTest {

    record Event(long id, String name, String data) {
    }

    /** An open SSE connection, parsed as events arrive. */
    static final class Connection implements AutoCloseable {
        final List<Event> events = java.util.Collections.synchronizedList(new ArrayList<>());
        final InputStream body;
        final int status;

        Connection(String query, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                    + "/api/v1/mot/stream" + query))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", TestTokens.bearer("agent-alex", Set.of(Roles.AGENT), java.util.Map.of()));
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient().sendAsync(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
            status = response.statusCode();
            body = response.body();
            CompletableFuture.runAsync(this::read);
        }

        private void read() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                long id = -1;
                String name = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (id >= 0) {
                            events.add(new Event(id, name, data.toString()));
                        }
                        id = -1;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).trim());
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (Exception e) {
                // closed by the test
            }
        }

        List<Event> awaitEvents(int count) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> events.size() >= count);
            synchronized (events) {
                return List.copyOf(events);
            }
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    String touchpoint;
    String otherTeamTouchpoint;
    String team;

    @BeforeEach
    void setUp() {
        FakeServices.up();
        team = "stream-" + UUID.randomUUID().toString().substring(0, 6);
        touchpoint = Fixtures.touchpoint(team);
        otherTeamTouchpoint = Fixtures.touchpoint("elsewhere");
    }

    @Test
    void staffSeeNewFeedbackAndCasesOfTheirTeamLiveAndResumeFromTheLastEventId() throws Exception {
        List<Event> seen;
        try (Connection live = new Connection("?team=" + team, null)) {
            assertThat(live.status).isEqualTo(200);
            Thread.sleep(500);
            complaint(UUID.randomUUID(), otherTeamTouchpoint, 1);
            UUID caseId = complaint(UUID.randomUUID(), touchpoint, 1);
            seen = live.awaitEvents(2);
            assertThat(seen).extracting(Event::name).containsExactly("FEEDBACK_RECEIVED", "CASE_OPENED");
            assertThat(seen.get(1).data()).contains(caseId.toString()).contains("\"team\":\"" + team + "\"");
            assertThat(seen.get(0).data()).doesNotContain("queue took forever");
            seen.forEach(event -> EventSchemas.assertMatchesDocumentedSchema(event.name(), event.data()));
        }
        // Reconnecting after the first event gets the second again, then what happened since.
        complaint(UUID.randomUUID(), touchpoint, 2);
        try (Connection resumed = new Connection("?team=" + team, Long.toString(seen.get(0).id()))) {
            List<Event> again = resumed.awaitEvents(3);
            assertThat(again.get(0)).isEqualTo(seen.get(1));
            assertThat(again).extracting(Event::name).containsExactly("CASE_OPENED", "FEEDBACK_RECEIVED", "CASE_OPENED");
            assertThat(again).extracting(Event::id).isSorted();
        }
    }

    @Test
    @TestSecurity
    void customersAndAnonymousCallersGetNoStream() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/mot/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestTokens.bearer("customer-x", Set.of(Roles.CUSTOMER),
                        java.util.Map.of("customer_id", UUID.randomUUID().toString())))
                .build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        HttpRequest anonymous = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/mot/stream"))
                .header("Accept", "text/event-stream").build();
        assertThat(HttpClient.newHttpClient().send(anonymous, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }
}
