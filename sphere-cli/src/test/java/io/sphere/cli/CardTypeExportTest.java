package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.sphere.core.testing.TestDatabase;

@QuarkusMainTest
class CardTypeExportTest {

    @TempDir
    Path dir;

    @BeforeEach
    void emptyDatabase() {
        TestSchema.migrate();
        TestDatabase.clean();
    }

    @Test
    void writesTheTypeToStandardOutputWithGroupsByName(QuarkusMainLauncher launcher) {
        CliFixtures.superuser(launcher);
        CliFixtures.demo(launcher, "--cards", "0");

        LaunchResult result = launcher.launch("card-type", "export", "REQ");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).startsWith("{").contains("\"format\" : \"sphere-card-type\"",
                "\"formatVersion\" : 1", "\"key\" : \"REQ\"", "\"allowedGroups\" : [ \"Managers\" ]",
                "\"Operators\" : [ \"VIEW\", \"CREATE\", \"EDIT\", \"TRANSITION\" ]");
        assertThat(result.getErrorOutput()).isEmpty();
    }

    @Test
    void writesTheTypeToTheOutputFile(QuarkusMainLauncher launcher) throws IOException {
        CliFixtures.superuser(launcher);
        CliFixtures.demo(launcher, "--cards", "0");
        Path file = dir.resolve("req.json");

        LaunchResult result = launcher.launch("card-type", "export", "REQ", "--output", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).isEqualTo("Card type REQ exported to " + file + ".");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"name\" : \"Request\"");
    }

    @Test
    void anUnknownTypeIsAOneLineError(QuarkusMainLauncher launcher) {
        CliFixtures.superuser(launcher);

        LaunchResult result = launcher.launch("card-type", "export", "NOPE");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).isEqualTo("Card type not found.");
        assertThat(result.getOutput()).isEmpty();
    }

    @Test
    void withoutASuperuserSaysToCreateOneFirst(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("card-type", "export", "REQ");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).isEqualTo(
                "There is no active superuser to act as; create one first: sphere-cli create-superuser EMAIL");
    }
}
