package io.motcrm.feedback.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The SLA clock and escalation chain over a controllable clock: every instant is given. */
class SlaClockTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");

    private static Instant at(long minutes) {
        return OPENED.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void runningClockCountsWallTime() {
        SlaClock clock = SlaClock.startedAt(OPENED);
        assertThat(clock.elapsed(at(30))).isEqualTo(Duration.ofMinutes(30));
        assertThat(clock.dueAt(Duration.ofHours(1), at(30))).contains(at(60));
    }

    @Test
    void timeWaitingOnTheCustomerDoesNotCount() {
        SlaClock clock = SlaClock.startedAt(OPENED);
        clock.pause(at(10));
        assertThat(clock.isPaused()).isTrue();
        assertThat(clock.elapsed(at(200))).isEqualTo(Duration.ofMinutes(10));
        assertThat(clock.dueAt(Duration.ofHours(1), at(200))).isEmpty();
        clock.resume(at(210));
        assertThat(clock.elapsed(at(220))).isEqualTo(Duration.ofMinutes(20));
        assertThat(clock.pausedTotal()).isEqualTo(Duration.ofMinutes(200));
        assertThat(clock.dueAt(Duration.ofHours(1), at(220))).contains(at(260));
    }

    @Test
    void pausingTwiceOrResumingARunningClockChangesNothing() {
        SlaClock clock = SlaClock.startedAt(OPENED);
        clock.resume(at(5));
        clock.pause(at(10));
        clock.pause(at(20));
        clock.resume(at(30));
        assertThat(clock.elapsed(at(40))).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void breachIsWhenBusinessTimeExceedsTheTarget() {
        SlaClock clock = SlaClock.startedAt(OPENED);
        Duration target = Duration.ofMinutes(15);
        assertThat(clock.breached(target, at(15))).isFalse();
        assertThat(clock.breached(target, at(16))).isTrue();
        assertThat(clock.overdue(target, at(16))).isEqualTo(Duration.ofMinutes(1));

        SlaClock paused = SlaClock.startedAt(OPENED);
        paused.pause(at(5));
        assertThat(paused.breached(target, at(600))).isFalse();
        paused.resume(at(600));
        assertThat(paused.breached(target, at(610))).isFalse();
        assertThat(paused.breached(target, at(611))).isTrue();
    }

    @Test
    void escalationClimbsOnePersonOfTheChainPerStepAndStopsAtItsEnd() {
        Duration step = Duration.ofHours(1);
        assertThat(EscalationLevel.levelFor(false, Duration.ZERO, step, 3)).isZero();
        assertThat(EscalationLevel.levelFor(true, Duration.ofMinutes(1), step, 3)).isEqualTo(1);
        assertThat(EscalationLevel.levelFor(true, Duration.ofMinutes(59), step, 3)).isEqualTo(1);
        assertThat(EscalationLevel.levelFor(true, Duration.ofMinutes(60), step, 3)).isEqualTo(2);
        assertThat(EscalationLevel.levelFor(true, Duration.ofMinutes(120), step, 3)).isEqualTo(3);
        assertThat(EscalationLevel.levelFor(true, Duration.ofDays(30), step, 3)).isEqualTo(3);
        assertThat(EscalationLevel.levelFor(true, Duration.ofDays(30), step, 0)).as("nobody to escalate to").isZero();
    }

    @Test
    void clockRestoredFromStoredStateContinuesWhereItWas() {
        SlaClock clock = SlaClock.startedAt(OPENED);
        clock.pause(at(10));
        SlaClock restored = new SlaClock(OPENED, clock.pausedTotal(), clock.pausedSince());
        restored.resume(at(70));
        assertThat(restored.elapsed(at(80))).isEqualTo(Duration.ofMinutes(20));
    }
}
