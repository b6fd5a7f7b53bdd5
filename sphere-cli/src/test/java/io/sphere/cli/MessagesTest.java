package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

import io.sphere.core.error.ErrorCode;

/** Plain unit test: the bundles and the language choice need no running application. */
class MessagesTest {

    private final ResourceBundle english = new Messages(Locale.ROOT).bundle();
    private final ResourceBundle russian = new Messages(Locale.forLanguageTag("ru")).bundle();

    @Test
    void errorCodesWordedForTheCommandLineAreWordedInBothLanguages() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(english.containsKey("error." + code.key())).as("%s in both or neither", code)
                    .isEqualTo(russian.containsKey("error." + code.key()));
        }
    }

    @Test
    void otherErrorCodesReadAsOnThePagesInThePersonsLanguage() {
        ErrorReporter english = new ErrorReporter(new Messages(Locale.ROOT));
        ErrorReporter russian = new ErrorReporter(new Messages(Locale.forLanguageTag("ru")));
        var refusal = new io.sphere.core.error.SphereException(ErrorCode.CARD_TYPE_NOT_FOUND);
        assertThat(english.describe(refusal)).isEqualTo("Card type not found.");
        assertThat(russian.describe(refusal)).isEqualTo("Тип карточек не найден.");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(russian.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        assertThat(russian.getString("error.password.too-short"))
                .isEqualTo("Пароль должен содержать не менее {min} символов.");
    }

    @Test
    void languageFollowsLcAllThenLcMessagesThenLang() {
        assertThat(Messages.chooseLocale(null, Map.of("LANG", "ru_RU.UTF-8")::get).getLanguage()).isEqualTo("ru");
        assertThat(Messages.chooseLocale(null, Map.of("LANG", "ru_RU.UTF-8", "LC_MESSAGES", "en_US.UTF-8")::get))
                .isEqualTo(Locale.ROOT);
        assertThat(Messages.chooseLocale(null, Map.of("LC_ALL", "ru_RU.UTF-8", "LC_MESSAGES", "en_US.UTF-8")::get)
                .getLanguage()).isEqualTo("ru");
        assertThat(Messages.chooseLocale(null, Map.of("LANG", "C.UTF-8")::get)).isEqualTo(Locale.ROOT);
        assertThat(Messages.chooseLocale(null, Map.<String, String>of()::get)).isEqualTo(Locale.ROOT);
    }

    @Test
    void systemPropertyWinsOverTheEnvironment() {
        assertThat(Messages.chooseLocale("ru", Map.of("LC_ALL", "en_US.UTF-8")::get).getLanguage()).isEqualTo("ru");
    }

    @Test
    void namedPlaceholdersAreFilled() {
        Messages messages = new Messages(Locale.ROOT);

        assertThat(messages.get("error.password.too-short", Map.of("min", 12)))
                .isEqualTo("The password must have at least 12 characters.");
    }
}
