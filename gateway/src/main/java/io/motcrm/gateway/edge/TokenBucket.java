package io.motcrm.gateway.edge;

/**
 * A token bucket: holds at most {@code capacity} tokens, refilled continuously at {@code perSecond};
 * each request takes one. Thread-safe.
 */
final class TokenBucket {

    private final int capacity;
    private final double perSecond;
    private double tokens;
    private long updatedMillis;

    TokenBucket(int capacity, double perSecond, long nowMillis) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("A bucket needs a capacity of at least 1 and a positive rate");
        }
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.updatedMillis = nowMillis;
    }

    /**
     * Takes a token if there is one. Answers 0 when taken, otherwise the whole seconds to wait until
     * one is there (at least 1).
     */
    synchronized long take(long nowMillis) {
        refill(nowMillis);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    /** Whether the bucket has refilled completely, so that forgetting it changes nothing. */
    synchronized boolean isFull(long nowMillis) {
        refill(nowMillis);
        return tokens >= capacity;
    }

    private void refill(long nowMillis) {
        if (nowMillis > updatedMillis) {
            tokens = Math.min(capacity, tokens + (nowMillis - updatedMillis) * perSecond / 1000.0);
            updatedMillis = nowMillis;
        }
    }
}
