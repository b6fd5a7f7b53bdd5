package io.sphere.worker.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class SystemicFailureTest {

    @Test
    void missingTableOrPartitionOrConnectionIsTheDatabasesProblem() {
        assertThat(RequestLogConsumer.isSystemic(wrapped("42P01"))).isTrue();
        assertThat(RequestLogConsumer.isSystemic(wrapped("42501"))).isTrue();
        assertThat(RequestLogConsumer.isSystemic(wrapped("23514"))).isTrue();
        assertThat(RequestLogConsumer.isSystemic(wrapped("08006"))).isTrue();
    }

    @Test
    void badDataInOneEntryIsThatEntrysProblem() {
        assertThat(RequestLogConsumer.isSystemic(wrapped("22021"))).isFalse();
        assertThat(RequestLogConsumer.isSystemic(wrapped("22001"))).isFalse();
        assertThat(RequestLogConsumer.isSystemic(new IllegalStateException("no SQL state"))).isFalse();
    }

    private static RuntimeException wrapped(String sqlState) {
        return new IllegalStateException("store failed", new SQLException("boom", sqlState));
    }
}
