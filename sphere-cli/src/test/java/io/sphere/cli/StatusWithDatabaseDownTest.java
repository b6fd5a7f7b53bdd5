package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code status} and {@code migrate} with PostgreSQL out of reach; its own class for its own configuration. */
@QuarkusMainTest
@TestProfile(StatusWithDatabaseDownTest.DatabaseOnClosedPort.class)
class StatusWithDatabaseDownTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:1/sphere_test";

    public static class DatabaseOnClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", URL);
        }
    }

    @Test
    void unreachableDatabaseFailsTheDatabaseAndSchemaLinesWithoutStackTraces(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("status");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getOutputStream()).hasSize(3);
        assertThat(result.getOutputStream().get(0)).startsWith("FAIL database " + URL + " is unreachable: ")
                .contains("127.0.0.1:1", "refused");
        assertThat(result.getOutputStream().get(1))
                .isEqualTo("FAIL schema version unknown, because the database is unreachable");
        assertThat(result.getOutputStream().get(2)).startsWith("OK   broker");
        assertThat(result.getErrorOutput()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void migrateSaysWhyInOneLine(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("migrate");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorStream()).hasSize(1);
        assertThat(result.getErrorOutput()).startsWith("Failed: Connection to 127.0.0.1:1 refused.")
                .endsWith("(add --verbose for the details)");
        assertThat(result.getOutput()).isEmpty();
    }
}
