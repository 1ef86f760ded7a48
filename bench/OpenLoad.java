import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load generator: requests start at a fixed rate whether or not earlier ones have
 * answered (as independent users arrive), and each latency is counted from the moment the request was
 * due, not from when it could be sent. A closed-model tool (wrk, each connection waiting for its answer)
 * sends less when the server slows down and so hides the queueing ("coordinated omission"); this one
 * does not. Run with the JDK's source launcher, for bench/suite.sh:
 *
 * <pre>
 * java bench/OpenLoad.java NAME METHOD BASE_URL PATH IDS_FILE|- BODY_FILE|- TOKEN PURPOSE|- RATE SECONDS
 * </pre>
 *
 * {@code {id}} in the path takes the ids file's lines in turn; {@code {unique}} in the body becomes
 * unique per request and a POST carries a fresh Idempotency-Key. Prints
 * {@code RESULT name achieved/s p50_ms p95_ms p99_ms non_2xx errors} and a line with the maximum and
 * the requests that could not start because too many were outstanding (counted as errors).
 */
public class OpenLoad {

    private static final int MAX_OUTSTANDING = 2_000;

    public static void main(String[] args) throws Exception {
        if (args.length != 10) {
            System.err.println("usage: OpenLoad NAME METHOD BASE_URL PATH IDS_FILE|- BODY_FILE|- TOKEN PURPOSE|- RATE SECONDS");
            System.exit(2);
        }
        String name = args[0];
        String method = args[1];
        String base = args[2];
        String path = args[3];
        List<String> ids = "-".equals(args[4]) ? List.of() : Files.readAllLines(Path.of(args[4])).stream()
                .filter(line -> !line.isBlank()).toList();
        String body = "-".equals(args[5]) ? null : Files.readString(Path.of(args[5]));
        String token = args[6];
        String purpose = args[7];
        double rate = Double.parseDouble(args[8]);
        int seconds = Integer.parseInt(args[9]);
        int total = (int) Math.round(rate * seconds);
        long intervalNanos = (long) (1e9 / rate);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLongArray latencies = new AtomicLongArray(total);
        AtomicInteger non2xx = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
        for (int i = 0; i < total; i++) {
            latencies.set(i, -1);
        }

        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!outstanding.tryAcquire()) {
                refused.incrementAndGet();
                continue;
            }
            HttpRequest request = request(base, path, ids, body, token, purpose, method, name, i);
            int slot = i;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies.set(slot, System.nanoTime() - due);
                if (failure != null) {
                    errors.incrementAndGet();
                } else if (response.statusCode() / 100 != 2) {
                    non2xx.incrementAndGet();
                }
                outstanding.release();
            });
        }
        // Let the last requests answer (they time out after 30 s).
        outstanding.acquire(MAX_OUTSTANDING);
        double elapsed = (System.nanoTime() - start) / 1e9;

        long[] done = new long[total];
        int n = 0;
        for (int i = 0; i < total; i++) {
            if (latencies.get(i) >= 0) {
                done[n++] = latencies.get(i);
            }
        }
        long[] sorted = Arrays.copyOf(done, n);
        Arrays.sort(sorted);
        System.out.printf("RESULT %s %.1f %.2f %.2f %.2f %d %d%n", name, n / elapsed, millis(sorted, 0.50),
                millis(sorted, 0.95), millis(sorted, 0.99), non2xx.get(), errors.get() + refused.get());
        System.out.printf("open model: %d requests due at %.1f/s over %d s, %d answered, max %.2f ms, %d not started"
                + " (more than %d outstanding)%n", total, rate, seconds, n, millis(sorted, 1.0), refused.get(),
                MAX_OUTSTANDING);
    }

    private static HttpRequest request(String base, String path, List<String> ids, String body, String token,
            String purpose, String method, String name, int i) {
        String target = ids.isEmpty() ? path : path.replace("{id}", ids.get(i % ids.size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (!"-".equals(purpose)) {
            request.header("X-Access-Purpose", purpose);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String unique = UUID.randomUUID().toString();
            request.header("Content-Type", "application/json").header("Idempotency-Key", name + "-" + unique)
                    .method(method, HttpRequest.BodyPublishers.ofString(body.replace("{unique}", unique)));
        }
        return request.build();
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
