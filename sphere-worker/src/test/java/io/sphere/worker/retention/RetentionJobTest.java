package io.sphere.worker.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.testing.TestDatabase;

/**
 * The nightly job drops request-log months past 90 days and keeps every audit month (kept by default); it deletes
 * the files of attachments removed more than 365 days ago.
 */
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

    @Test
    void deletesTheFilesOfAttachmentsRemovedLongerAgoThanTheirRetention() throws Exception {
        TestDatabase.clean();
        Path media = Path.of("target/media").toAbsolutePath();
        String old = "2021/03/00000000-0000-4000-8000-0000000000a1";
        String live = "2021/03/00000000-0000-4000-8000-0000000000a2";
        for (String key : List.of(old, live)) {
            Files.createDirectories(media.resolve(key).getParent());
            Files.writeString(media.resolve(key), key);
        }
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO task (id, title) VALUES (1, 'Order toner')");
            st.execute("""
                    INSERT INTO attachment (task_id, original_name, size_bytes, content_type, sha256, storage_key,
                                            thumbnail_state, removed_at)
                    VALUES (1, 'old.txt', 3, 'text/plain', repeat('a', 64), '%s', 'NONE', now() - interval '366 days'),
                           (1, 'live.txt', 4, 'text/plain', repeat('b', 64), '%s', 'NONE', NULL)"""
                    .formatted(old, live));
        }

        job.run();

        assertThat(media.resolve(old)).doesNotExist();
        assertThat(media.resolve(live)).exists();
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment WHERE purged_at IS NOT NULL")).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment")).isEqualTo(2);
    }
}
