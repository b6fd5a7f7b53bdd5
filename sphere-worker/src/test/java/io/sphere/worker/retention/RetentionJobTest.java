package io.sphere.worker.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.testing.TestDatabase;

/** The nightly job drops request-log months past 90 days and keeps every audit month (kept by default). */
@QuarkusTest
class RetentionJobTest {

    @Inject
    RetentionJob job;

    @Test
    void dropsExpiredRequestLogMonthsAndKeepsTheAuditTrail() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("SELECT sphere_ensure_request_log_partitions('2019-05-01', 1)");
            st.execute("SELECT sphere_ensure_audit_partitions('2019-05-01', 1)");
        }
        long recent = TestDatabase.count("SELECT count(*) FROM pg_class WHERE relname ~ '^request_log_\\d{4}_\\d{2}$'"
                + " AND relname >= 'request_log_' || to_char(now() - interval '60 days', 'YYYY_MM')");

        job.run();

        assertThat(TestDatabase.count("SELECT count(*) FROM pg_class WHERE relname = 'request_log_2019_05'")).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM pg_class WHERE relname = 'audit_event_2019_05'"))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM pg_class WHERE relname ~ '^request_log_\\d{4}_\\d{2}$'"
                + " AND relname >= 'request_log_' || to_char(now() - interval '60 days', 'YYYY_MM')"))
                .as("recent months stay").isEqualTo(recent);
    }
}
