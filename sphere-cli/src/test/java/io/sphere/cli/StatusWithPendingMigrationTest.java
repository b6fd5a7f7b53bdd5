package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A build that carries one migration more than the database has: status says so and exits non-zero. */
@QuarkusMainTest
@TestProfile(StatusWithPendingMigrationTest.OneMoreMigration.class)
class StatusWithPendingMigrationTest {

    /** Nothing is migrated: the extra location only makes Flyway see a migration the database lacks. */
    public static class OneMoreMigration implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.locations", "db/migration,db/status-test");
        }
    }

    @BeforeAll
    static void migrated() {
        TestSchema.migrate();
    }

    @Test
    void pendingMigrationsFailTheSchemaLine(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("status");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getOutputStream().get(1))
                .startsWith("FAIL schema at version " + TestSchema.latestVersion() + " is behind")
                .contains("pending: V999 pending only for status test", "Run sphere-cli migrate.");
    }
}
