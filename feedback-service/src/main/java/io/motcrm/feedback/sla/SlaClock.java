package io.motcrm.feedback.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLA clock of a case: time since it opened, minus the time it was paused (waiting on the customer,
 * or resolved). Pure: the caller passes every instant, so tests drive it with any clock.
 */
public final class SlaClock {

    private final Instant openedAt;
    private Duration paused;
    private Instant pausedSince;

    public SlaClock(Instant openedAt, Duration paused, Instant pausedSince) {
        this.openedAt = Objects.requireNonNull(openedAt);
        this.paused = paused == null ? Duration.ZERO : paused;
        this.pausedSince = pausedSince;
    }

    public static SlaClock startedAt(Instant openedAt) {
        return new SlaClock(openedAt, Duration.ZERO, null);
    }

    /** Stops the clock; pausing a paused clock changes nothing. */
    public void pause(Instant at) {
        if (pausedSince == null) {
            pausedSince = at;
        }
    }

    /** Restarts the clock; the pause is added to the paused total. Resuming a running clock changes nothing. */
    public void resume(Instant at) {
        if (pausedSince != null) {
            Duration pause = Duration.between(pausedSince, at);
            paused = paused.plus(pause.isNegative() ? Duration.ZERO : pause);
            pausedSince = null;
        }
    }

    public boolean isPaused() {
        return pausedSince != null;
    }

    /** Business time used so far. */
    public Duration elapsed(Instant now) {
        Instant end = pausedSince != null && pausedSince.isBefore(now) ? pausedSince : now;
        Duration elapsed = Duration.between(openedAt, end).minus(paused);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    /** Whether more than {@code target} of business time has been used. */
    public boolean breached(Duration target, Instant now) {
        return elapsed(now).compareTo(target) > 0;
    }

    /** Business time used beyond {@code target} (zero while within it). */
    public Duration overdue(Duration target, Instant now) {
        Duration over = elapsed(now).minus(target);
        return over.isNegative() ? Duration.ZERO : over;
    }

    /** When {@code target} will be used up if the clock keeps running; none while paused. */
    public Optional<Instant> dueAt(Duration target, Instant now) {
        if (isPaused()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(target.minus(elapsed(now))));
    }

    public Duration pausedTotal() {
        return paused;
    }

    public Instant pausedSince() {
        return pausedSince;
    }
}
