package io.motcrm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.loyalty.ledger.LedgerTransaction;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;

/**
 * Idempotent POSTs to the application under test from many threads at once (the JDK's HTTP client,
 * which REST Assured's per-thread state does not suit), for the race and chaos tests.
 */
public final class RawCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A POST under an Idempotency-Key; an empty body is sent as none. */
    public record Call(String token, String path, String body, String key) {
    }

    private RawCalls() {
    }

    public static HttpResponse<String> send(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + call.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", call.token())
                .header(Idempotency.HEADER, call.key());
        if (call.body().isEmpty()) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call.body()));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    /** The newest ledger transaction's id (0 when there is none): what a test booked comes after it. */
    public static long lastTransactionId() {
        return QuarkusTransaction.requiringNew().call(() -> LedgerTransaction.<LedgerTransaction>find("order by id desc")
                .firstResultOptional().map(t -> t.id).orElse(0L));
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }
}
