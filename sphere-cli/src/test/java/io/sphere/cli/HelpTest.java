package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class HelpTest {

    @AfterEach
    void backToEnglish() {
        System.clearProperty(Messages.LANG_PROPERTY);
    }

    @Test
    @Launch(value = {}, exitCode = 0)
    void bareRunListsEveryCommandWithItsDescription(LaunchResult result) {
        assertListsEveryCommand(result.getOutput());
        assertThat(result.getErrorOutput()).isEmpty();
    }

    @Test
    @Launch(value = "--help", exitCode = 0)
    void helpOptionListsEveryCommandWithItsDescription(LaunchResult result) {
        assertListsEveryCommand(result.getOutput());
        assertThat(result.getOutput()).contains("--verbose", "Print the full stack trace");
    }

    @Test
    void helpIsInRussianWhenTheLanguageIsRussian(QuarkusMainLauncher launcher) {
        System.setProperty(Messages.LANG_PROPERTY, "ru_RU.UTF-8");

        LaunchResult result = launcher.launch("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("Использование:", "Команды:", "migrate",
                "Применить ожидающие миграции базы данных", "create-superuser", "Создать суперпользователя", "status",
                "Проверить базу данных", "card-type", "Выгрузить тип карточек", "demo", "Загрузить пример", "retention",
                "Удалить месяцы журнала запросов");
    }

    @Test
    @Launch(value = "frobnicate", exitCode = 2)
    void unknownCommandIsAUsageError(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("frobnicate");
    }

    private static void assertListsEveryCommand(String output) {
        assertThat(output).contains("Usage: sphere-cli", "Commands:",
                "migrate", "Apply the pending database migrations",
                "create-superuser", "Create a superuser",
                "status", "Check the database, the schema version",
                "card-type", "Export a card type to a JSON file",
                "demo", "Load a sample \"Request\" card type",
                "retention", "Remove request-log and audit months");
    }

    @Test
    @Launch({"card-type", "import", "--help"})
    void importHelpSaysItActsAsASuperuser(LaunchResult result) {
        // picocli wraps descriptions at 80 columns
        assertThat(result.getOutput().replaceAll("\\s+", " ")).contains("Usage: sphere-cli card-type import",
                "FILE", "Runs as a superuser: whoever may run sphere-cli is trusted like one.");
    }
}
