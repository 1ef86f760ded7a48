package io.motcrm.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/** Text the database cannot hold (a NUL character) is the client's error: a 400, never a 500 (end to end: feedback-service's TouchpointResourceTest). */
class UnstorableTextTest {

    @Test
    void aNulCharacterRefusedByPostgresqlIsFoundDeepInTheCauses() {
        SQLException nul = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertThat(found(new RuntimeException(new PersistenceException(nul)))).isSameAs(nul);
        assertThat(found(new SQLException("character has no equivalent in encoding", "22P05"))).isNotNull();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(found(new SQLException("value too long for type character varying(64)", "22001"))).isNull();
        assertThat(found(new SQLException("numeric field overflow", "22003"))).isNull();
        assertThat(found(new SQLException("no state"))).isNull();
        assertThat(found(new IllegalStateException("bug"))).isNull();
    }

    /** As a Throwable: an SQLException is also Iterable, which makes AssertJ's assertThat ambiguous. */
    private static Throwable found(Throwable failure) {
        return ProblemMappers.unstorableText(failure);
    }
}
