package io.motcrm.feedback.stream;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Feeds connected operators from the persisted event log: one poller thread reads each subscriber's
 * events after its cursor (the last id sent) and sends them with that id, so a client reconnecting with
 * {@code Last-Event-ID} misses nothing. Every instance serves its own subscribers from the shared table.
 */
@ApplicationScoped
public class MotStream {

    static final long POLL_MILLIS = 300;
    static final int BATCH = 200;
    static final long HEARTBEAT_MILLIS = 15_000;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mot-stream");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean started;

    public void subscribe(SseEventSink sink, Sse sse, long after, String team) {
        startOnce();
        subscribers.add(new Subscriber(sink, sse, new AtomicLong(after), team, new AtomicLong(System.currentTimeMillis())));
    }

    public long latestId() {
        Long max = QuarkusTransaction.requiringNew().call(() -> MotEvent.getEntityManager()
                .createQuery("select max(e.id) from MotEvent e", Long.class).getSingleResult());
        return max == null ? 0 : max;
    }

    private synchronized void startOnce() {
        if (!started) {
            poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
            started = true;
        }
    }

    void poll() {
        for (Subscriber subscriber : subscribers) {
            try {
                if (subscriber.sink.isClosed()) {
                    subscribers.remove(subscriber);
                    continue;
                }
                List<MotEvent> events = QuarkusTransaction.requiringNew()
                        .call(() -> MotEvent.after(subscriber.cursor.get(), subscriber.team, BATCH));
                for (MotEvent event : events) {
                    subscriber.sink.send(subscriber.sse.newEventBuilder()
                            .id(Long.toString(event.id))
                            .name(event.kind)
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(event.payload)
                            .build());
                    subscriber.cursor.set(event.id);
                    subscriber.lastSent.set(System.currentTimeMillis());
                }
                if (System.currentTimeMillis() - subscriber.lastSent.get() > HEARTBEAT_MILLIS) {
                    subscriber.sink.send(subscriber.sse.newEventBuilder().comment("keep-alive").build());
                    subscriber.lastSent.set(System.currentTimeMillis());
                }
            } catch (RuntimeException e) {
                Log.debugf("Dropping a stream subscriber: %s", e.toString());
                subscribers.remove(subscriber);
                try {
                    subscriber.sink.close();
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.sink.close());
    }

    private record Subscriber(SseEventSink sink, Sse sse, AtomicLong cursor, String team, AtomicLong lastSent) {
    }
}
