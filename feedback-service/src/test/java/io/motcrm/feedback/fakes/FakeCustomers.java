package io.motcrm.feedback.fakes;

import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.motcrm.feedback.customer.CustomerValue;

/**
 * customer-service as the tests set it up: its value endpoint (known customers answer, others are 404)
 * and its access log.
 */
@Singleton
public class FakeCustomers {

    public final Map<UUID, CustomerValue> values = new ConcurrentHashMap<>();
    public final AtomicInteger calls = new AtomicInteger();
    /** What reached the access log ({@code POST /internal/v1/access-log}), in order. */
    public final Queue<JsonNode> accessLog = new ConcurrentLinkedQueue<>();
    final AtomicInteger failNext = new AtomicInteger();
    volatile long delayMillis;

    public void value(UUID customerId, String stage, long lifetimeValueMinor) {
        values.put(customerId, new CustomerValue(customerId, stage, lifetimeValueMinor));
    }

    public void failNext(int times) {
        failNext.set(times);
    }

    /** Every answer comes this late (0: at once). */
    public void delay(long millis) {
        delayMillis = millis;
    }
}
