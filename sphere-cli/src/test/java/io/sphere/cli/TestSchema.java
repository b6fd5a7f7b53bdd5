package io.sphere.cli;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import io.sphere.core.testing.TestDatabase;

/**
 * The CLI never migrates at start-up, so tests that need tables bring the test database up to date themselves,
 * outside the application under test, whatever order the test classes run in.
 */
final class TestSchema {

    private TestSchema() {
    }

    static void migrate() {
        flyway().migrate();
    }

    /** What `migrate` should print for an empty database: one line per script this build carries, in order. */
    static List<String> appliedLines() {
        return Arrays.stream(flyway().info().all()).filter(m -> m.getVersion() != null)
                .map(m -> "Applied V" + m.getVersion().getVersion() + " " + m.getDescription()).toList();
    }

    /** The newest version this build carries, as Flyway names it ("007"). */
    static String latestVersion() {
        MigrationInfo[] all = flyway().info().all();
        return all[all.length - 1].getVersion().getVersion();
    }

    private static Flyway flyway() {
        return Flyway.configure().dataSource(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD)
                .locations("classpath:db/migration").load();
    }
}
