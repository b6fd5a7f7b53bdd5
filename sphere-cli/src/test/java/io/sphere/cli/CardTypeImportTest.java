package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.sphere.core.testing.TestDatabase;

@QuarkusMainTest
class CardTypeImportTest {

    @TempDir
    Path dir;

    @BeforeEach
    void emptyDatabase() {
        TestSchema.migrate();
        TestDatabase.clean();
    }

    @AfterEach
    void backToEnglish() {
        System.clearProperty(Messages.LANG_PROPERTY);
    }

    @Test
    void anExportedTypeImportsIntoAnInstallationWithoutIt(QuarkusMainLauncher launcher) throws IOException {
        String exported = exportDemoType(launcher);
        Path file = write("req.json", exported);
        TestDatabase.execute("TRUNCATE card_type CASCADE");

        LaunchResult created = launcher.launch("card-type", "import", file.toString());

        assertThat(created.exitCode()).as(created.getErrorOutput()).isZero();
        assertThat(created.getOutput()).isEqualTo("Card type REQ created (definition version 1).");
        assertThat(launcher.launch("card-type", "export", "REQ").getOutput()).isEqualTo(exported);
        assertThat(TestDatabase.count("SELECT count(*) FROM card_type_permission")).isEqualTo(4 + 6);

        LaunchResult updated = launcher.launch("card-type", "import", file.toString());

        assertThat(updated.exitCode()).isZero();
        assertThat(updated.getOutput()).startsWith("Card type REQ updated (definition version ");
    }

    @Test
    void aSyntaxErrorNamesLineAndColumn(QuarkusMainLauncher launcher) throws IOException {
        CliFixtures.superuser(launcher);
        Path file = write("broken.json", "{\n  \"format\" : \"sphere-card-type\",\n  \"formatVersion\" 1\n}\n");

        LaunchResult result = launcher.launch("card-type", "import", file.toString());

        assertOneLineError(result);
        assertThat(result.getErrorOutput())
                .startsWith(file + ": The file is not valid JSON at line 3, column 19: ");
    }

    @Test
    void anotherFormatVersionIsRefusedAtItsPath(QuarkusMainLauncher launcher) throws IOException {
        CliFixtures.superuser(launcher);
        Path file = write("v2.json", "{ \"format\" : \"sphere-card-type\", \"formatVersion\" : 2 }");

        LaunchResult result = launcher.launch("card-type", "import", file.toString());

        assertOneLineError(result);
        assertThat(result.getErrorOutput())
                .isEqualTo(file + ": formatVersion: Format version 2 is not supported (expected 1).");
    }

    @Test
    void aTransitionToAnUnknownStageIsRefusedAtItsPath(QuarkusMainLauncher launcher) throws IOException {
        String exported = exportDemoType(launcher);
        assertThat(exported).contains("\"to\" : \"done\"");
        Path file = write("bad-stage.json", exported.replace("\"to\" : \"done\"", "\"to\" : \"closed\""));

        LaunchResult result = launcher.launch("card-type", "import", file.toString());

        assertOneLineError(result);
        assertThat(result.getErrorOutput())
                .isEqualTo(file + ": definition.transitions[1].to: There is no stage closed.");
    }

    @Test
    void aMissingFileIsAOneLineError(QuarkusMainLauncher launcher) {
        Path file = dir.resolve("nowhere.json");

        LaunchResult result = launcher.launch("card-type", "import", file.toString());

        assertOneLineError(result);
        assertThat(result.getErrorOutput()).isEqualTo("The file " + file + " does not exist.");
    }

    @Test
    void saysTheProblemInRussianWhenTheLanguageIsRussian(QuarkusMainLauncher launcher) throws IOException {
        CliFixtures.superuser(launcher);
        Path file = write("v2.json", "{ \"format\" : \"sphere-card-type\", \"formatVersion\" : 2 }");
        System.setProperty(Messages.LANG_PROPERTY, "ru_RU.UTF-8");

        LaunchResult result = launcher.launch("card-type", "import", file.toString());

        assertOneLineError(result);
        assertThat(result.getErrorOutput())
                .isEqualTo(file + ": formatVersion: Версия формата 2 не поддерживается (ожидается 1).");
    }

    private static String exportDemoType(QuarkusMainLauncher launcher) {
        CliFixtures.superuser(launcher);
        CliFixtures.demo(launcher, "--cards", "0");
        LaunchResult export = launcher.launch("card-type", "export", "REQ");
        assertThat(export.exitCode()).isZero();
        return export.getOutput();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void assertOneLineError(LaunchResult result) {
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).doesNotContain("\n");
        assertThat(result.getOutput()).isEmpty();
    }
}
