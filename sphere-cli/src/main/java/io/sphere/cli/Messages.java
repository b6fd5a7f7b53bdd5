package io.sphere.cli;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

import jakarta.inject.Singleton;

/**
 * Every text a person reads, in Russian or English. The language follows the POSIX variables the operator's
 * shell already has (LC_ALL, then LC_MESSAGES, then LANG), so there is nothing Sphere-specific to configure.
 */
@Singleton
class Messages {

    static final String BUNDLE = "io.sphere.cli.messages";
    /**
     * A system property that wins over the environment. Tests run in-process and cannot change the environment of
     * their own JVM; operators can also pass it through JAVA_OPTS to get one run in another language.
     */
    static final String LANG_PROPERTY = "sphere.cli.lang";

    private final ResourceBundle bundle;
    private final Locale locale;

    Messages() {
        this(chooseLocale(System.getProperty(LANG_PROPERTY), System::getenv));
    }

    Messages(Locale locale) {
        this.locale = locale;
        // Without the no-fallback control an English run on a JVM whose default locale is Russian would get Russian.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Locale chooseLocale(String override, Function<String, String> env) {
        String value = override;
        for (String name : new String[]{"LC_ALL", "LC_MESSAGES", "LANG"}) {
            if (value == null || value.isBlank()) {
                value = env.apply(name);
            }
        }
        return value != null && value.strip().toLowerCase(Locale.ROOT).startsWith("ru")
                ? Locale.forLanguageTag("ru")
                : Locale.ROOT;
    }

    Locale locale() {
        return locale;
    }

    ResourceBundle bundle() {
        return bundle;
    }

    String get(String key) {
        return get(key, Map.of());
    }

    /**
     * Fills named placeholders such as {@code {min}}. Named rather than MessageFormat's numbered ones because core's
     * {@code SphereException} carries its arguments by name, and translators see what each one means.
     */
    String get(String key, Map<String, ?> args) {
        String text = bundle.getString(key);
        for (Map.Entry<String, ?> arg : args.entrySet()) {
            text = text.replace("{" + arg.getKey() + "}", String.valueOf(arg.getValue()));
        }
        return text;
    }
}
