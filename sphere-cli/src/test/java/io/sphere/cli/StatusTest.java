package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.sphere.core.testing.TestDatabase;

@QuarkusMainTest
class StatusTest {

    @BeforeEach
    void migratedDatabase() {
        TestSchema.migrate();
    }

    @Test
    void everythingUpPrintsOkLinesAndExitsZero(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("status");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutputStream()).containsExactly(
                "OK   database " + TestDatabase.URL + " is reachable",
                "OK   schema at version 003, nothing pending",
                "OK   broker amqp://guest@127.0.0.1:5672/ is reachable");
        assertThat(result.getErrorOutput()).isEmpty();
    }

    @Test
    void pendingMigrationsFailTheSchemaLine(QuarkusMainLauncher launcher) {
        TestDatabase.execute("DELETE FROM flyway_schema_history WHERE version = '003'");
        try {
            LaunchResult result = launcher.launch("status");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.getOutputStream().get(1)).startsWith("FAIL schema at version 002 is behind")
                    .contains("pending: V003 create request log", "Run sphere-cli migrate.");
        } finally {
            restoreV003History();
        }
    }

    /** The tables of V003 are still there; putting its history row back is cheaper than dropping and re-running. */
    private static void restoreV003History() {
        TestDatabase.execute("DROP TABLE IF EXISTS request_log CASCADE");
        TestDatabase.execute("DROP FUNCTION IF EXISTS sphere_ensure_request_log_partitions(date, integer)");
        TestSchema.migrate();
    }
}
