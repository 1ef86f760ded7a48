package io.motcrm.feedback.fakes;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.motcrm.feedback.customer.CustomerValue;

/** customer-service's value endpoint as the tests set it up: known customers answer, others are 404. */
@Singleton
public class FakeCustomers {

    public final Map<UUID, CustomerValue> values = new ConcurrentHashMap<>();
    public final AtomicInteger calls = new AtomicInteger();
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
