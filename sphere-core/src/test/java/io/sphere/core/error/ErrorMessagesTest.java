package io.sphere.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    @Test
    void everyCodeHasAMessageInEnglishAndRussian() throws IOException {
        Properties en = load("messages.properties");
        Properties ru = load("messages_ru.properties");
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(en.getProperty(code.key())).as("English for %s", code).isNotBlank();
            assertThat(ru.getProperty(code.key())).as("Russian for %s", code).isNotBlank()
                    .isNotEqualTo(en.getProperty(code.key()));
        }
        assertThat(ru.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ErrorMessages.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void fillsNamedPlaceholdersInThePersonsLanguage() {
        SphereException e = new SphereException(ErrorCode.PASSWORD_TOO_SHORT, "password", Map.of("min", 12));
        assertThat(ErrorMessages.of(e, Locale.ENGLISH)).isEqualTo("The password must have at least 12 characters.");
        assertThat(ErrorMessages.of(e, RU)).isEqualTo("Пароль должен содержать не менее 12 символов.");
    }

    @Test
    void aMissingArgumentStaysVisible() {
        assertThat(ErrorMessages.fill("At most {max} characters.", Map.of())).isEqualTo("At most {max} characters.");
        assertThat(ErrorMessages.fill("Cost {x}", Map.of("x", "$1\\2"))).isEqualTo("Cost $1\\2");
    }
}
