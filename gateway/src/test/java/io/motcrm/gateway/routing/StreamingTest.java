package io.motcrm.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.motcrm.gateway.support.Callers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bodies stream through the gateway: server-sent events arrive as they are sent; oversize bodies stop at the limit. */
@QuarkusTest
class StreamingTest {

    @TestHTTPResource("/")
    URI gateway;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void serverSentEventsArriveAsTheServiceSendsThemAndOutliveTheRouteTimeout() throws Exception {
        // The stub sends one event, waits 3 s (the route's timeout is 1 s), then sends a second and ends.
        long started = System.nanoTime();
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/mot/stream"))
                .header("Authorization", Callers.agent())
                .header("Accept", "text/event-stream")
                .GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<String> data = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        Iterator<String> lines = response.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")) {
                data.add(line);
                arrivals.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
            }
        }
        assertThat(data).containsExactly("data: {\"n\":1}", "data: {\"n\":2}");
        assertThat(arrivals.get(0)).as("the first event is not held back until the stream ends").isLessThan(2000);
        assertThat(arrivals.get(1)).isGreaterThanOrEqualTo(2900);
    }

    @Test
    void aQuietStreamIsOpenAtOnceNotAtItsFirstEvent() throws Exception {
        long started = System.nanoTime();
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/mot/stream/quiet"))
                .header("Authorization", Callers.agent())
                .header("Accept", "text/event-stream")
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long opened = Duration.ofNanos(System.nanoTime() - started).toMillis();
        try (var body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(opened).as("the answer's head arrives before the first event (3 s)").isLessThan(2000);
            assertThat(new String(body.readAllBytes())).contains("data: {\"n\":1}");
        }
    }

    @Test
    void anAnswerThatStallsIsCutOffNotLeftHanging() {
        long started = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(
                HttpRequest.newBuilder(gateway.resolve("/api/v1/cases/stalled"))
                        .version(HttpClient.Version.HTTP_1_1)
                        .header("Authorization", Callers.agent())
                        .timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.io.IOException.class)
                .isNotInstanceOf(java.net.http.HttpTimeoutException.class);
        // The feedback route's idle timeout is 1 s in tests.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aChunkedBodyOverTheRoutesLimitIsRefused() throws Exception {
        // The public feedback route accepts 16 KiB; the body has no Content-Length, so only counting catches it.
        InputStream body = new InputStream() {
            private int left = 64 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }
        };
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/public/v1/feedback/tp-1"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113." + (1 + (int) (Math.random() * 250)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"payload-too-large\"");
    }

    @Test
    void aChunkedBodyWithinTheLimitStreamsThroughWhole() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/segments"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", Callers.agent())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[100_000])))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bodyLength\":100000").contains("\"transfer-encoding\":\"chunked\"");
    }

    @Test
    void anHttp2BodyWithoutALengthStreamsThroughWhole() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> response = h2.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/segments"))
                .header("Authorization", Callers.agent())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[50_000])))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bodyLength\":50000");
    }

    @Test
    void aBodyDeclaredOverTheGlobalLimitIsRefusedBeforeAnythingIsForwarded() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/feedback"))
                .header("Authorization", Callers.customer(UUID.randomUUID()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large");
    }

    @Test
    void aLargeBodyWithinTheLimitStreamsThroughWhole() throws Exception {
        byte[] body = new byte[900 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/segments"))
                .header("Authorization", Callers.agent())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bodyLength\":" + body.length);
    }
}
