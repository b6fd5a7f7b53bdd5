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
                "OK   schema at version " + TestSchema.latestVersion() + ", nothing pending",
                "OK   broker amqp://guest@127.0.0.1:5672/ is reachable");
        assertThat(result.getErrorOutput()).isEmpty();
    }
}
