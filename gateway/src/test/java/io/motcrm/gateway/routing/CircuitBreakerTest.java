package io.motcrm.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.motcrm.gateway.routing.CircuitBreaker.Permit;
import io.motcrm.gateway.routing.CircuitBreaker.State;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CircuitBreaker breaker = new CircuitBreaker("loyalty-api",
            new CircuitBreaker.Settings(10, 4, 0.5, Duration.ofSeconds(5), 2), now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    private void outcomes(boolean... successes) {
        for (boolean success : successes) {
            Permit permit = breaker.tryAcquire();
            assertThat(permit).as("admitted").isNotNull();
            if (success) {
                permit.succeeded();
            } else {
                permit.failed();
            }
        }
    }

    @Test
    void failuresBelowTheMinimumNumberOfCallsKeepItClosed() {
        outcomes(false, false, false);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isNotNull();
    }

    @Test
    void opensWhenTheShareOfFailuresReachesTheRatio() {
        outcomes(true, true, false, true, false);
        assertThat(breaker.state()).as("2 of 5 failed").isEqualTo(State.CLOSED);
        outcomes(false);
        assertThat(breaker.state()).as("3 of 6 failed").isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isNull();
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        advance(Duration.ofMillis(3_500));
        assertThat(breaker.tryAcquire()).isNull();
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void onlyTheLatestOutcomesCount() {
        outcomes(true, true, true, true, false, false, false, true, true, true);
        outcomes(true, true, true, true, true, true, true);
        // The three failures have left the window of ten: four new ones are four of ten.
        outcomes(false, false, false, false);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        outcomes(false);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void afterTheOpenDelayOnlyTheTrialRequestsGoThroughAndTheirSuccessClosesIt() {
        outcomes(false, false, false, false);
        advance(Duration.ofSeconds(5));
        Permit first = breaker.tryAcquire();
        Permit second = breaker.tryAcquire();
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(breaker.tryAcquire()).as("a third while both trials are out").isNull();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        first.succeeded();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        second.succeeded();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        outcomes(false, false, false);
        assertThat(breaker.state()).as("a fresh window after closing").isEqualTo(State.CLOSED);
    }

    @Test
    void aFailedTrialOpensItAgainForTheWholeDelay() {
        outcomes(false, false, false, false);
        advance(Duration.ofSeconds(6));
        breaker.tryAcquire().failed();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        advance(Duration.ofSeconds(4));
        assertThat(breaker.tryAcquire()).isNull();
    }

    @Test
    void aTrialThatEndsWithoutAVerdictFreesItsPlace() {
        outcomes(false, false, false, false);
        advance(Duration.ofSeconds(5));
        Permit first = breaker.tryAcquire();
        breaker.tryAcquire();
        assertThat(breaker.tryAcquire()).isNull();
        first.released();
        assertThat(breaker.tryAcquire()).isNotNull();
    }

    @Test
    void outcomesOfRequestsAdmittedBeforeTheCircuitOpenedAreIgnored() {
        List<Permit> slow = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slow.add(breaker.tryAcquire());
        }
        outcomes(false, false, false, false);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        advance(Duration.ofSeconds(5));
        Permit trial = breaker.tryAcquire();
        slow.forEach(Permit::succeeded); // late answers from before: no say in the trial
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        trial.failed();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void aPermitReportsOnce() {
        outcomes(true, true, true);
        Permit permit = breaker.tryAcquire();
        permit.failed();
        permit.failed();
        permit.failed();
        assertThat(breaker.state()).as("one failure of four").isEqualTo(State.CLOSED);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new CircuitBreaker.Settings(5, 10, 0.5, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitBreaker.Settings(5, 5, 0, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
