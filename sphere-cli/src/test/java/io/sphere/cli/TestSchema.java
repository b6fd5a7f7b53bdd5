package io.sphere.cli;

import org.flywaydb.core.Flyway;

import io.sphere.core.testing.TestDatabase;

/**
 * The CLI never migrates at start-up, so tests that need tables bring the test database up to date themselves,
 * outside the application under test, whatever order the test classes run in.
 */
final class TestSchema {

    private TestSchema() {
    }

    static void migrate() {
        Flyway.configure().dataSource(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD)
                .locations("classpath:db/migration").load().migrate();
    }
}
