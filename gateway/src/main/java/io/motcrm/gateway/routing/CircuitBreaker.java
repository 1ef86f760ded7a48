package io.motcrm.gateway.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.quarkus.logging.Log;

/**
 * One service's circuit breaker, as the gateway sees it. Closed, every request goes through and its
 * outcome joins a window of the last {@code window} outcomes; once at least {@code minimumCalls} are
 * in it and {@code failureRatio} of them failed, the circuit opens. Open, requests are refused at once
 * (no connection, no waiting for a timeout) for {@code openFor}; then, half-open, up to
 * {@code halfOpenTrials} requests go through as trials: one failure opens it again, as many successes
 * close it with an empty window. An outcome counts only in the state its request was admitted in.
 */
public final class CircuitBreaker {

    /** In the order of the gauge's values: 0 closed, 1 half-open, 2 open. */
    public enum State {
        CLOSED, HALF_OPEN, OPEN
    }

    public record Settings(int window, int minimumCalls, double failureRatio, Duration openFor, int halfOpenTrials) {

        public Settings {
            if (window < 1 || minimumCalls < 1 || minimumCalls > window || failureRatio <= 0 || failureRatio > 1
                    || openFor.isNegative() || halfOpenTrials < 1) {
                throw new IllegalArgumentException("Invalid circuit breaker settings: " + this);
            }
        }
    }

    /** Leave to send one request; report its outcome once. */
    public interface Permit {
        /** The service answered (any status below 500). */
        void succeeded();

        /** No answer, a timeout, or a 5xx. */
        void failed();

        /** The request ended without saying anything about the service (the client left, the body was too large). */
        void released();

        /** The service answered with this status: a 5xx counts against it, anything else for it. */
        default void answered(int status) {
            if (status >= 500) {
                failed();
            } else {
                succeeded();
            }
        }
    }

    /** The permit of a breaker that is switched off. */
    public static final Permit UNGUARDED = new Permit() {
        @Override
        public void succeeded() {
        }

        @Override
        public void failed() {
        }

        @Override
        public void released() {
        }
    };

    private final String name;
    private final Settings settings;
    private final LongSupplier nanos;

    private State state = State.CLOSED;
    /** Bumped on every change of state: outcomes of requests admitted before it are ignored. */
    private long generation;
    private final boolean[] outcomes;
    private int next;
    private int recorded;
    private int failures;
    private long openedAt;
    private int trialsInFlight;
    private int trialSuccesses;

    public CircuitBreaker(String name, Settings settings, LongSupplier nanos) {
        this.name = name;
        this.settings = settings;
        this.nanos = nanos;
        this.outcomes = new boolean[settings.window()];
    }

    public synchronized State state() {
        if (state == State.OPEN && openElapsed()) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** A permit to send a request, or {@code null} when the circuit refuses it. */
    public synchronized Permit tryAcquire() {
        if (state == State.OPEN) {
            if (!openElapsed()) {
                return null;
            }
            change(State.HALF_OPEN, "trying " + settings.halfOpenTrials() + " request(s)");
        }
        if (state == State.HALF_OPEN) {
            if (trialsInFlight >= settings.halfOpenTrials()) {
                return null;
            }
            trialsInFlight++;
        }
        return new Admitted(generation);
    }

    /** How long a refused caller should wait before trying again (at least a second). */
    public synchronized Duration retryAfter() {
        long left = state == State.OPEN ? settings.openFor().toNanos() - (nanos.getAsLong() - openedAt) : 0;
        return Duration.ofSeconds(Math.max(1, (left + 999_999_999L) / 1_000_000_000L));
    }

    private boolean openElapsed() {
        return nanos.getAsLong() - openedAt >= settings.openFor().toNanos();
    }

    private synchronized void outcome(long admittedIn, Boolean success) {
        if (admittedIn != generation) {
            return;
        }
        if (state == State.HALF_OPEN) {
            trialsInFlight--;
            if (success == null) {
                return;
            }
            if (!success) {
                open("a trial request failed");
            } else if (++trialSuccesses >= settings.halfOpenTrials()) {
                change(State.CLOSED, trialSuccesses + " trial request(s) succeeded");
            }
            return;
        }
        if (success == null || state != State.CLOSED) {
            return;
        }
        if (recorded == outcomes.length) {
            failures -= outcomes[next] ? 0 : 1;
        } else {
            recorded++;
        }
        outcomes[next] = success;
        failures += success ? 0 : 1;
        next = (next + 1) % outcomes.length;
        if (recorded >= settings.minimumCalls() && failures >= settings.failureRatio() * recorded) {
            open(failures + " of the last " + recorded + " requests failed");
        }
    }

    private void open(String why) {
        openedAt = nanos.getAsLong();
        change(State.OPEN, why + "; requests refused for " + settings.openFor().toMillis() + " ms");
    }

    private void change(State to, String why) {
        if (to == State.OPEN) {
            Log.warnf("Circuit to %s %s -> OPEN: %s", name, state, why);
        } else {
            Log.infof("Circuit to %s %s -> %s: %s", name, state, to, why);
        }
        state = to;
        generation++;
        next = 0;
        recorded = 0;
        failures = 0;
        trialsInFlight = 0;
        trialSuccesses = 0;
    }

    private final class Admitted implements Permit {
        private final long admittedIn;
        private final AtomicBoolean reported = new AtomicBoolean();

        Admitted(long admittedIn) {
            this.admittedIn = admittedIn;
        }

        @Override
        public void succeeded() {
            report(Boolean.TRUE);
        }

        @Override
        public void failed() {
            report(Boolean.FALSE);
        }

        @Override
        public void released() {
            report(null);
        }

        private void report(Boolean success) {
            if (reported.compareAndSet(false, true)) {
                outcome(admittedIn, success);
            }
        }
    }
}
