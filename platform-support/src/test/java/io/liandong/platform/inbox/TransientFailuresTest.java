package io.liandong.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aBusyOrRestartingDatabaseIsAFailureOfTheMoment() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("handler failed",
                new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLTransientConnectionException("gone")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("connection refused", "08001"))).isTrue();
    }

    @Test
    void aFailureOfTheEventItselfIsNot() {
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("no such assignment"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("value too long", "22001"))).isFalse();
    }
}
