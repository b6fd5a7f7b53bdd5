package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.sphere.core.testing.TestDatabase;

@QuarkusMainTest
class RetentionCommandTest {

    @BeforeEach
    void oldMonths() throws Exception {
        TestSchema.migrate();
        TestDatabase.clean();
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("SELECT sphere_ensure_request_log_partitions('2020-01-01', 2)");
            st.execute("SELECT sphere_ensure_audit_partitions('2020-01-01', 1)");
            st.execute("""
                    INSERT INTO request_log (request_id, logged_at, method, path, status, duration_micros,
                                             response_bytes)
                    VALUES (gen_random_uuid(), '2020-01-15T10:00:00Z', 'GET', '/', 200, 10, 10),
                           (gen_random_uuid(), '2020-01-16T10:00:00Z', 'GET', '/', 200, 10, 10)""");
            st.execute("""
                    INSERT INTO audit_event (occurred_at, event_id, action)
                    VALUES ('2020-01-15T10:00:00Z', gen_random_uuid(), 'LOGIN')""");
        }
    }

    @AfterEach
    void backToEnglish() {
        System.clearProperty(Messages.LANG_PROPERTY);
    }

    @Test
    void dryRunSaysWhatWouldGoAndChangesNothingThenApplyRemovesIt(QuarkusMainLauncher launcher) {
        LaunchResult dry = launcher.launch("retention", "--dry-run");

        assertThat(dry.exitCode()).as(dry.getErrorOutput()).isZero();
        assertThat(dry.getOutput()).contains("Request log kept 90 days; audit trail kept forever",
                "Would remove request_log_2020_01 (2020-01-01 to 2020-02-01): 2 rows",
                "Would remove request_log_2020_02 (2020-02-01 to 2020-03-01): 0 rows",
                "Run with --apply to remove them.").doesNotContain("audit_event_2020_01");
        assertThat(TestDatabase.count("SELECT count(*) FROM request_log_2020_01")).isEqualTo(2);

        LaunchResult applied = launcher.launch("retention", "--apply");

        assertThat(applied.exitCode()).as(applied.getErrorOutput()).isZero();
        assertThat(applied.getOutput()).contains("Removed request_log_2020_01 (2020-01-01 to 2020-02-01): 2 rows");
        assertThat(TestDatabase.count("SELECT count(*) FROM pg_class WHERE relname LIKE 'request_log_2020_%'"))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event_2020_01")).as("the audit trail is kept")
                .isEqualTo(1);
        assertThat(launcher.launch("retention", "--dry-run").getOutput())
                .contains("Nothing is past its retention; nothing to remove.");
    }

    @Test
    void speaksRussian(QuarkusMainLauncher launcher) {
        System.setProperty(Messages.LANG_PROPERTY, "ru_RU.UTF-8");

        LaunchResult dry = launcher.launch("retention", "--dry-run");

        assertThat(dry.exitCode()).isZero();
        assertThat(dry.getOutput()).contains("Журнал запросов хранится 90 дн.; журнал аудита хранится бессрочно",
                "Будет удалено request_log_2020_01 (с 2020-01-01 по 2020-02-01): строк: 2");
    }

    @Test
    void needsExactlyOneMode(QuarkusMainLauncher launcher) {
        LaunchResult none = launcher.launch("retention");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.getErrorOutput()).contains("--dry-run").doesNotContain("Exception");

        LaunchResult both = launcher.launch("retention", "--dry-run", "--apply");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM request_log_2020_01")).isEqualTo(2);
    }

    @Test
    void removedAttachmentsPastTheirRetentionLoseTheirFilesAndKeepTheirRows(QuarkusMainLauncher launcher)
            throws Exception {
        Path media = Path.of("target/media").toAbsolutePath();
        String old = "2020/01/00000000-0000-4000-8000-000000000001";
        String recent = "2020/01/00000000-0000-4000-8000-000000000002";
        String thumb = "2020/01/00000000-0000-4000-8000-000000000003";
        for (String key : List.of(old, recent, thumb)) {
            Files.createDirectories(media.resolve(key).getParent());
            Files.writeString(media.resolve(key), key);
        }
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO task (id, title) VALUES (1, 'Order toner')");
            st.execute("""
                    INSERT INTO attachment (task_id, original_name, size_bytes, content_type, sha256, storage_key,
                                            thumbnail_state, thumbnail_key, removed_at)
                    VALUES (1, 'old-quote.png', 1234, 'image/png', repeat('a', 64), '%s', 'READY', '%s',
                            now() - interval '400 days'),
                           (1, 'recent.txt', 10, 'text/plain', repeat('b', 64), '%s', 'NONE', NULL,
                            now() - interval '10 days')""".formatted(old, thumb, recent));
        }

        LaunchResult dry = launcher.launch("retention", "--dry-run");

        assertThat(dry.exitCode()).as(dry.getErrorOutput()).isZero();
        assertThat(dry.getOutput()).contains("Removed attachments keep their files 365 days",
                "Would delete the file of removed attachment", "\"old-quote.png\" (1234 bytes",
                "1 removed files with 1234 bytes would be deleted. Run with --apply to delete them.")
                .doesNotContain("recent.txt");
        assertThat(media.resolve(old)).exists();

        LaunchResult applied = launcher.launch("retention", "--apply");

        assertThat(applied.exitCode()).as(applied.getErrorOutput()).isZero();
        assertThat(applied.getOutput()).contains("Deleted the file of removed attachment",
                "1 removed files with 1234 bytes deleted.");
        assertThat(media.resolve(old)).doesNotExist();
        assertThat(media.resolve(thumb)).as("its thumbnail too").doesNotExist();
        assertThat(media.resolve(recent)).exists();
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment WHERE purged_at IS NOT NULL "
                + "AND original_name = 'old-quote.png'")).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment")).as("the rows stay").isEqualTo(2);
        assertThat(launcher.launch("retention", "--apply").getOutput()).doesNotContain("old-quote.png");
    }
}
