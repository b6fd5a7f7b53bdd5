package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.sphere.core.testing.TestDatabase;

@QuarkusMainTest
class MigrateTest {

    private static final String FUTURE_VERSION = "999";

    /** Other modules' tests share this database and expect it migrated and free of the fake future migration. */
    @AfterEach
    void leaveTheDatabaseMigrated() {
        TestDatabase.execute("DELETE FROM flyway_schema_history WHERE version = ?", FUTURE_VERSION);
        TestSchema.migrate();
    }

    @Test
    void appliesEveryMigrationToAnEmptyDatabaseAndListsThem(QuarkusMainLauncher launcher) {
        TestDatabase.execute("DROP SCHEMA public CASCADE");
        TestDatabase.execute("CREATE SCHEMA public");

        LaunchResult result = launcher.launch("migrate");

        List<String> expected = TestSchema.appliedLines();
        assertThat(result.exitCode()).isZero();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
        assertThat(result.getOutputStream()).containsExactlyElementsOf(expected);
        assertThat(result.getOutputStream().get(0)).isEqualTo("Applied V001 create users");
        assertThat(result.getOutputStream().get(2)).isEqualTo("Applied V003 create request log");
        assertThat(result.getErrorOutput()).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM flyway_schema_history WHERE success"))
                .isEqualTo(expected.size());
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user")).isZero();
    }

    @Test
    void secondRunSaysNothingIsPendingAndNamesTheVersion(QuarkusMainLauncher launcher) {
        TestSchema.migrate();

        LaunchResult result = launcher.launch("migrate");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).isEqualTo(
                "Nothing to migrate: the schema is already at version " + TestSchema.latestVersion() + ".");
    }

    @Test
    void refusesASchemaNewerThanTheCodeWithOneLineAndNoStackTrace(QuarkusMainLauncher launcher) {
        TestSchema.migrate();
        insertFutureMigration();

        LaunchResult result = launcher.launch("migrate");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorStream()).hasSize(1);
        assertThat(result.getErrorOutput()).startsWith("Refused: the database schema (version 999) is newer than")
                .contains("V999 from the future").doesNotContain("Exception");
        assertThat(result.getOutput()).isEmpty();
    }

    @Test
    void verboseAfterTheCommandAddsTheStackTrace(QuarkusMainLauncher launcher) {
        TestSchema.migrate();
        insertFutureMigration();

        LaunchResult result = launcher.launch("migrate", "--verbose");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorStream().get(0)).startsWith("Refused: the database schema");
        assertThat(result.getErrorOutput()).contains("SchemaNewerThanCodeException", "\tat ");
    }

    private static void insertFutureMigration() {
        TestDatabase.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                SELECT max(installed_rank) + 1, ?, 'from the future', 'SQL', 'V999__from_the_future.sql', 0,
                       'sphere', 0, true FROM flyway_schema_history""", FUTURE_VERSION);
    }
}
