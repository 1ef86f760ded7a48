package io.motcrm.feedback.fakes;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What loyalty-service's compensation receiver promises (docs/contracts.md): one grant per action id,
 * however often the message arrives. Faults can be injected: the next n deliveries fail with a status,
 * or apply the grant and then answer too late.
 */
@Singleton
public class FakeLoyalty {

    public final Map<UUID, JsonNode> grants = new ConcurrentHashMap<>();
    public final Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final AtomicInteger failNext = new AtomicInteger();
    volatile int failStatus = 503;
    final AtomicInteger slowNext = new AtomicInteger();
    volatile long slowMillis;

    public void failNext(int times, int status) {
        failStatus = status;
        failNext.set(times);
    }

    /** The next {@code times} deliveries are applied, then answered after {@code millis}. */
    public void slowNext(int times, long millis) {
        slowMillis = millis;
        slowNext.set(times);
    }

    public int deliveriesOf(UUID actionId) {
        AtomicInteger count = deliveries.get(actionId);
        return count == null ? 0 : count.get();
    }
}
