package io.sphere.worker.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The whole worker process started against a schema that is one migration behind this build. */
@QuarkusMainTest
@TestProfile(SchemaGuardTest.PendingMigration.class)
class SchemaGuardTest {

    @Test
    @Launch(exitCode = SchemaGuard.EXIT_CODE)
    void refusesToStartWhenMigrationsArePending(LaunchResult result) {
        String output = result.getOutput() + result.getErrorOutput();
        assertThat(output).contains("ERROR").contains("V999 pending only for schema guard test")
                .contains("Run `sphere-cli migrate` first").doesNotContain("\tat ")
                .doesNotContain("Request-log consumer is consuming").doesNotContain("Request-log partitions:");
    }

    /** Nothing is migrated: the extra location only makes Flyway see a migration the database lacks. */
    public static class PendingMigration implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.migrate-at-start", "false", "quarkus.flyway.locations",
                    "db/migration,db/guard-test");
        }
    }
}
