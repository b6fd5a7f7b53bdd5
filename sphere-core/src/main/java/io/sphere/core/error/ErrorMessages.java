package io.sphere.core.error;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each {@link ErrorCode} says to a person, in English and Russian, shared by pages, the API and the CLI so that
 * a refusal reads the same everywhere. Placeholders are names in braces, filled from the exception's arguments.
 */
public final class ErrorMessages {

    private static final String BUNDLE = "io.sphere.core.error.messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)\\}");

    private ErrorMessages() {
    }

    public static String of(SphereException e, Locale locale) {
        return format(e.code(), e.args(), locale);
    }

    public static String format(ErrorCode code, Map<String, ?> args, Locale locale) {
        return fill(template(code, locale), args);
    }

    static String template(ErrorCode code, Locale locale) {
        Locale l = "ru".equals(locale.getLanguage()) ? Locale.forLanguageTag("ru") : Locale.ROOT;
        try {
            return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(code.key());
        } catch (MissingResourceException e) {
            return code.key();
        }
    }

    /** Unknown placeholders stay visible rather than vanish: a missing argument is a bug to notice, not hide. */
    public static String fill(String template, Map<String, ?> args) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
