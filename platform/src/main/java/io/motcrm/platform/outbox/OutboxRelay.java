package io.motcrm.platform.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.motcrm.platform.Persistence;
import io.motcrm.platform.security.ServiceToken;
import io.motcrm.platform.web.CorrelationId;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Delivers outbox messages: claims the due ones (only the oldest undelivered message of each
 * ordering key, so order per aggregate holds), POSTs each to its target with its idempotency key,
 * and records the outcome. Failures are retried with exponential back-off; a message the target
 * rejects (a 4xx other than 408, 409, 425 or 429) or that fails {@code max-attempts} times is
 * dead-lettered: kept, counted in {@code motcrm.outbox.messages{status="dead"}}, and requeueable.
 * <p>
 * Claims are leases ({@code next_attempt_at} pushed into the future) taken with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of replicas can relay at once; a replica that dies
 * mid-delivery leaves its messages to be picked up when the lease ends.
 */
@IfBuildProperty(name = Persistence.ENABLED, stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class OutboxRelay {

    private static final int MAX_ROUNDS_PER_TICK = 200;

    private static final String CLAIM = """
            update outbox_message set next_attempt_at = :leaseUntil
            where id in (
                select m.id from outbox_message m
                where m.status = 'PENDING' and m.next_attempt_at <= :now
                  and not exists (select 1 from outbox_message e
                                  where e.ordering_key = m.ordering_key and e.status <> 'DELIVERED' and e.id < m.id)
                order by m.next_attempt_at, m.id
                limit :batch
                for update skip locked)
            returning id, target, path, payload, idempotency_key, attempts
            """;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    Config appConfig;

    @Inject
    MeterRegistry registry;

    @Inject
    ServiceToken serviceToken;

    private HttpClient http;
    private final Map<String, Optional<URI>> targets = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .build();
        Gauge.builder("motcrm.outbox.messages", pending, AtomicLong::get).tag("status", "pending")
                .description("Outbox messages waiting for delivery").register(registry);
        Gauge.builder("motcrm.outbox.messages", dead, AtomicLong::get).tag("status", "dead")
                .description("Outbox messages given up on; they need an operator").register(registry);
    }

    @Scheduled(every = "${motcrm.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void relay() {
        try {
            // Drain what is due, a bounded number of rounds per tick so that one tick never runs forever.
            // A round claims at most one message per ordering key (the head of each queue), so a round
            // below the batch size does not mean the queue is empty: go on while a round finds work.
            for (int round = 0; round < MAX_ROUNDS_PER_TICK; round++) {
                if (deliverDue() == 0) {
                    break;
                }
            }
            refreshGauges();
        } catch (RuntimeException e) {
            Log.warnf("Outbox relay round failed, retrying on the next tick: %s", e.toString());
        }
    }

    /** Claims and delivers one batch of due messages; returns how many were claimed. */
    public int deliverDue() {
        List<Claimed> batch = QuarkusTransaction.requiringNew().call(this::claim);
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Outcome>> sent = new ArrayList<>(batch.size());
        for (Claimed message : batch) {
            sent.add(send(message));
        }
        List<Outcome> outcomes = sent.stream().map(CompletableFuture::join).toList();
        QuarkusTransaction.requiringNew().run(() -> outcomes.forEach(this::record));
        return batch.size();
    }

    /** Puts a dead message back in the queue for a fresh series of attempts. */
    public boolean requeue(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.update(
                "status = ?1, attempts = 0, nextAttemptAt = ?2, lastError = null where id = ?3 and status = ?4",
                OutboxStatus.PENDING, clock.instant(), id, OutboxStatus.DEAD) == 1);
    }

    /** Deletes delivered and dead-lettered messages older than their retention periods. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeDelivered() {
        QuarkusTransaction.requiringNew().run(() -> {
            long purged = OutboxMessage.delete("status = ?1 and deliveredAt < ?2", OutboxStatus.DELIVERED,
                    clock.instant().minus(config.deliveredRetention()));
            long dead = OutboxMessage.delete("status = ?1 and createdAt < ?2", OutboxStatus.DEAD,
                    clock.instant().minus(config.deadRetention()));
            if (purged + dead > 0) {
                Log.infof("Purged %d delivered and %d dead-lettered outbox messages past retention", purged, dead);
            }
        });
    }

    void refreshGauges() {
        QuarkusTransaction.requiringNew().run(() -> {
            pending.set(OutboxMessage.count("status", OutboxStatus.PENDING));
            dead.set(OutboxMessage.count("status", OutboxStatus.DEAD));
        });
    }

    @SuppressWarnings("unchecked")
    private List<Claimed> claim() {
        Instant now = clock.instant();
        List<Object[]> rows = entityManager.createNativeQuery(CLAIM)
                .setParameter("now", now)
                .setParameter("leaseUntil", now.plus(config.lease()))
                .setParameter("batch", config.batchSize())
                .getResultList();
        return rows.stream()
                .map(row -> new Claimed(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        (String) row[3], (String) row[4], ((Number) row[5]).intValue()))
                .toList();
    }

    private CompletableFuture<Outcome> send(Claimed message) {
        Optional<URI> base = targets.computeIfAbsent(message.target(), this::baseUri);
        if (base.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(message, null,
                    "no URL configured: set quarkus.rest-client." + message.target() + ".url"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.get().resolve(message.path()))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", message.idempotencyKey())
                .header(CorrelationId.HEADER, "outbox-" + message.id())
                .POST(HttpRequest.BodyPublishers.ofString(message.payload()));
        try {
            serviceToken.authorization().ifPresent(value -> request.header("Authorization", value));
        } catch (RuntimeException e) {
            // The identity provider is unreachable: an attempt that failed, retried later like any other.
            return CompletableFuture.completedFuture(new Outcome(message, null,
                    abbreviate("no service token: " + rootCause(e))));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure == null
                        ? new Outcome(message, response.statusCode(), response.statusCode() < 300 ? null : abbreviate(response.body()))
                        : new Outcome(message, null, abbreviate(rootCause(failure).toString())));
    }

    private void record(Outcome outcome) {
        Claimed message = outcome.message();
        Instant now = clock.instant();
        int attempts = message.attempts() + 1;
        if (outcome.delivered()) {
            OutboxMessage.update("status = ?1, attempts = ?2, lastStatus = ?3, lastError = null, deliveredAt = ?4 where id = ?5",
                    OutboxStatus.DELIVERED, attempts, outcome.status(), now, message.id());
            counter("motcrm.outbox.delivered", message.target()).increment();
            return;
        }
        counter("motcrm.outbox.failures", message.target()).increment();
        if (!outcome.retryable() || attempts >= config.maxAttempts()) {
            OutboxMessage.update("status = ?1, attempts = ?2, lastStatus = ?3, lastError = ?4 where id = ?5",
                    OutboxStatus.DEAD, attempts, outcome.status(), outcome.error(), message.id());
            counter("motcrm.outbox.dead.lettered", message.target()).increment();
            Log.errorf("Outbox message %d to %s dead-lettered after %d attempts (status %s)", message.id(),
                    message.target(), attempts, outcome.status());
            return;
        }
        OutboxMessage.update("attempts = ?1, lastStatus = ?2, lastError = ?3, nextAttemptAt = ?4 where id = ?5",
                attempts, outcome.status(), outcome.error(), now.plus(backoff(attempts)), message.id());
        if (attempts == 1 || attempts % 10 == 0) {
            Log.warnf("Outbox message %d to %s failed (attempt %d, status %s); retrying", message.id(),
                    message.target(), attempts, outcome.status());
        }
    }

    /** Exponential back-off with ±20% jitter, so that a recovering target is not hit by a stampede. */
    Duration backoff(int attempts) {
        long initial = config.initialBackoff().toMillis();
        long max = config.maxBackoff().toMillis();
        long delay = attempts >= 31 ? max : Math.min(max, initial << Math.max(0, attempts - 1));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (delay * jitter)));
    }

    private Optional<URI> baseUri(String target) {
        return appConfig.getOptionalValue("quarkus.rest-client." + target + ".url", String.class)
                .map(url -> URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
    }

    private Counter counter(String name, String target) {
        return Counter.builder(name).tag("target", target).register(registry);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    record Claimed(long id, String target, String path, String payload, String idempotencyKey, int attempts) {
    }

    record Outcome(Claimed message, Integer status, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        /**
         * Connection failures, timeouts, 5xx and the 4xx that mean "try again later"; 401 too, since a
         * token can expire in flight and the next attempt fetches a fresh one.
         */
        boolean retryable() {
            return status == null || status >= 500 || status == 401 || status == 408 || status == 409 || status == 425
                    || status == 429;
        }
    }

    @Singleton
    @IfBuildProperty(name = Persistence.ENABLED, stringValue = "true", enableIfMissing = true)
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        OutboxConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
