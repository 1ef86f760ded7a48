package io.motcrm.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class RetryableDatabaseFailureTest {

    @Test
    void aLostConnectionOrAShutdownDeepInTheCausesIsRetryable() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(found(new RuntimeException(new PersistenceException(terminated))))
                .isSameAs(terminated);
        assertThat(found(new SQLException("I/O error", "08006"))).isNotNull();
        assertThat(found(new SQLTransientConnectionException("no connection in time")))
                .isNotNull();
        assertThat(found(new SQLException("deadlock detected", "40P01"))).isNotNull();
        RuntimeException commitFailed = new RuntimeException("Could not commit transaction");
        commitFailed.addSuppressed(new Exception("XA commit", new SQLException("connection closed", "08003")));
        assertThat(found(new RuntimeException(commitFailed))).isNotNull();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(found(new SQLException("duplicate key", "23505"))).isNull();
        assertThat(found(new SQLException("no state"))).isNull();
        assertThat(found(new IllegalStateException("bug"))).isNull();
    }

    /** As a Throwable: an SQLException is also Iterable, which makes AssertJ's assertThat ambiguous. */
    private static Throwable found(Throwable failure) {
        return ProblemMappers.retryableDatabaseFailure(failure);
    }
}
